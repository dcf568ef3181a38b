import{$ as e,A as t,H as n,L as r,M as i,P as a,R as o,U as s,W as c,at as l,gt as u,ht as d,m as f,mt as p,ot as m,q as h,st as g,tt as _}from"./index-B45dCJI0.js";import{t as v}from"./DateText-Du89ammI.js";import{t as y}from"./Field-DvqoewyR.js";import{t as b}from"./usePageQuery-sBy1OUbp.js";import{t as x}from"./useReconnect-NWC578pK.js";import{t as S}from"./casePath-B2RrHfBe.js";var C=u(d(),1),w=g(),T=100,E=i(`
  query WorkQueue($filter: CaseFilter, $first: Int) {
    cases(filter: $filter, first: $first) {
      totalCount
      overdueCount
      nodes {
        id
        reference
        caseType {
          name
        }
        status {
          name
        }
        deadline
        overdue
        handler
        location
        version
      }
    }
  }
`),D=i(`
  query WorkQueueTypes {
    caseTypes {
      code
      name
      statuses {
        code
        name
        end
      }
    }
  }
`),O=i(`
  subscription WorkQueueUpdated {
    caseUpdated {
      kind
      case {
        id
      }
    }
  }
`);function k(e){let t={},n=e.get(`type`),r=e.get(`status`),i=e.get(`handler`),a=e.get(`voor`);return n&&(t.caseTypes=[n]),r&&(t.statuses=[r]),i&&(t.handler=i),e.get(`vrij`)===`1`&&(t.unassigned=!0),e.get(`te-laat`)===`1`&&(t.overdue=!0),a&&(t.dueBefore=a),t}function A(e){let t={};for(let n of[`type`,`status`,`handler`,`voor`]){let r=String(e.get(n)??``).trim();r&&(t[n]=r)}return e.get(`vrij`)&&(t.vrij=`1`),e.get(`te-laat`)&&(t[`te-laat`]=`1`),t}function j(){let i=m(),u=(0,C.useId)(),[d,g]=p(),j=k(d),[M,N]=(0,C.useState)(``),{data:P,reexecute:F}=b({query:E,variables:{filter:j,first:T}}),[{data:I}]=r({query:D});o({query:O},(e,t)=>(F({requestPolicy:`network-only`}),N(i.formatMessage({id:`console.queue.updated`,defaultMessage:`De werkvoorraad is bijgewerkt.`,description:`Announced when a case in the queue changes`})),t)),x(()=>F({requestPolicy:`network-only`}));let L=new Map;for(let e of I?.caseTypes??[])if(!j.caseTypes||j.caseTypes.includes(e.code))for(let t of e.statuses)!t.end&&!L.has(t.code)&&L.set(t.code,t.name);let R=e=>{e.preventDefault(),g(A(new FormData(e.currentTarget)))},z=P?.cases;return(0,w.jsxs)(w.Fragment,{children:[(0,w.jsx)(a,{children:i.formatMessage({id:`console.queue.title`,defaultMessage:`Werkvoorraad`,description:`Title of the work queue`})}),(0,w.jsxs)(`form`,{className:`loket-form loket-filters`,"aria-label":i.formatMessage({id:`console.queue.filters`,defaultMessage:`Filters`,description:`Accessible name of the work queue filters`}),onSubmit:R,children:[(0,w.jsx)(y,{label:(0,w.jsx)(l,{id:`console.queue.type`,defaultMessage:`Zaaktype`,description:`Label`}),children:e=>(0,w.jsxs)(s,{...e,name:`type`,defaultValue:d.get(`type`)??``,children:[(0,w.jsx)(c,{value:``,children:i.formatMessage({id:`console.queue.all`,defaultMessage:`Alle`,description:`Filter option: no filter`})}),(I?.caseTypes??[]).map(e=>(0,w.jsx)(c,{value:e.code,children:e.name},e.code))]})}),(0,w.jsx)(y,{label:(0,w.jsx)(l,{id:`case.status`,defaultMessage:`Status`,description:`Label of a case's status`}),children:e=>(0,w.jsxs)(s,{...e,name:`status`,defaultValue:d.get(`status`)??``,children:[(0,w.jsx)(c,{value:``,children:i.formatMessage({id:`console.queue.all`,defaultMessage:`Alle`,description:`Filter option: no filter`})}),[...L].map(([e,t])=>(0,w.jsx)(c,{value:e,children:t},e))]})}),(0,w.jsx)(y,{label:(0,w.jsx)(l,{id:`console.queue.handler`,defaultMessage:`Behandelaar`,description:`Label`}),children:e=>(0,w.jsx)(h,{...e,name:`handler`,autoComplete:`off`,maxLength:100,defaultValue:d.get(`handler`)??``})}),(0,w.jsx)(y,{label:(0,w.jsx)(l,{id:`console.queue.dueBefore`,defaultMessage:`Termijn vóór`,description:`Label: due before a date`}),children:e=>(0,w.jsx)(h,{...e,name:`voor`,type:`date`,defaultValue:d.get(`voor`)??``})}),(0,w.jsxs)(`div`,{className:`loket-choice`,children:[(0,w.jsx)(e,{id:`${u}-free`,name:`vrij`,value:`1`,defaultChecked:j.unassigned===!0}),(0,w.jsx)(`label`,{htmlFor:`${u}-free`,className:`utrecht-form-label utrecht-form-label--checkbox`,children:(0,w.jsx)(l,{id:`console.queue.unassigned`,defaultMessage:`Alleen zonder behandelaar`,description:`Filter`})})]}),(0,w.jsxs)(`div`,{className:`loket-choice`,children:[(0,w.jsx)(e,{id:`${u}-late`,name:`te-laat`,value:`1`,defaultChecked:j.overdue===!0}),(0,w.jsx)(`label`,{htmlFor:`${u}-late`,className:`utrecht-form-label utrecht-form-label--checkbox`,children:(0,w.jsx)(l,{id:`console.queue.overdue`,defaultMessage:`Alleen over de termijn`,description:`Filter`})})]}),(0,w.jsx)(_,{type:`submit`,appearance:`secondary-action-button`,children:(0,w.jsx)(l,{id:`console.queue.apply`,defaultMessage:`Filteren`,description:`Button: apply the filters`})})]},d.toString()),(0,w.jsx)(`p`,{role:`status`,className:`loket-live`,children:M}),z?(0,w.jsxs)(w.Fragment,{children:[(0,w.jsx)(n,{children:(0,w.jsx)(l,{id:`console.queue.count`,defaultMessage:`{count, plural, =0 {Geen open zaken.} one {1 open zaak} other {# open zaken}}{overdue, plural, =0 {} other {, waarvan # over de termijn}}.`,description:`How many cases the queue holds and how many are overdue`,values:{count:z.totalCount,overdue:z.overdueCount}})}),z.nodes.length>0&&(0,w.jsx)(`div`,{className:`loket-table-scroll`,children:(0,w.jsxs)(`table`,{className:`utrecht-table loket-table loket-queue`,children:[(0,w.jsx)(`caption`,{className:`utrecht-table__caption`,children:(0,w.jsx)(l,{id:`console.queue.caption`,defaultMessage:`Open zaken, de eerste termijn bovenaan`,description:`Caption of the work queue table`})}),(0,w.jsx)(`thead`,{className:`utrecht-table__header`,children:(0,w.jsxs)(`tr`,{className:`utrecht-table__row`,children:[(0,w.jsx)(`th`,{className:`utrecht-table__header-cell`,scope:`col`,children:(0,w.jsx)(l,{id:`case.reference`,defaultMessage:`Zaaknummer`,description:`Label of a case's reference`})}),(0,w.jsx)(`th`,{className:`utrecht-table__header-cell`,scope:`col`,children:(0,w.jsx)(l,{id:`console.queue.type`,defaultMessage:`Zaaktype`,description:`Label`})}),(0,w.jsx)(`th`,{className:`utrecht-table__header-cell`,scope:`col`,children:(0,w.jsx)(l,{id:`case.status`,defaultMessage:`Status`,description:`Label of a case's status`})}),(0,w.jsx)(`th`,{className:`utrecht-table__header-cell`,scope:`col`,children:(0,w.jsx)(l,{id:`console.queue.deadline`,defaultMessage:`Termijn`,description:`Column: the legal deadline`})}),(0,w.jsx)(`th`,{className:`utrecht-table__header-cell`,scope:`col`,children:(0,w.jsx)(l,{id:`console.queue.handler`,defaultMessage:`Behandelaar`,description:`Label`})}),(0,w.jsx)(`th`,{className:`utrecht-table__header-cell`,scope:`col`,children:(0,w.jsx)(l,{id:`case.location`,defaultMessage:`Adres`,description:`Label of a case's location`})})]})}),(0,w.jsx)(`tbody`,{className:`utrecht-table__body`,children:z.nodes.map(e=>(0,w.jsxs)(`tr`,{className:[`utrecht-table__row`,e.overdue&&`loket-queue__row--overdue`].filter(Boolean).join(` `),children:[(0,w.jsx)(`th`,{className:`utrecht-table__header-cell`,scope:`row`,children:(0,w.jsx)(t,{to:S(e.reference),children:e.reference})}),(0,w.jsx)(`td`,{className:`utrecht-table__cell`,children:e.caseType.name}),(0,w.jsx)(`td`,{className:`utrecht-table__cell`,children:e.status?.name}),(0,w.jsxs)(`td`,{className:`utrecht-table__cell`,children:[(0,w.jsx)(v,{value:e.deadline}),e.overdue&&(0,w.jsxs)(`strong`,{className:`loket-overdue`,children:[` `,(0,w.jsx)(l,{id:`console.case.overdue`,defaultMessage:`Termijn verstreken`,description:`Mark of a case past its deadline`})]})]}),(0,w.jsx)(`td`,{className:`utrecht-table__cell`,children:e.handler??(0,w.jsx)(l,{id:`console.queue.nobody`,defaultMessage:`Niemand`,description:`No handler assigned`})}),(0,w.jsx)(`td`,{className:`utrecht-table__cell`,children:e.location})]},e.id))})]})}),z.totalCount>z.nodes.length&&(0,w.jsx)(n,{children:(0,w.jsx)(l,{id:`console.queue.more`,defaultMessage:`De eerste {shown} van {count} staan hier. Filter om de rest te zien.`,description:`The queue shows a first page only`,values:{shown:z.nodes.length,count:z.totalCount}})})]}):(0,w.jsx)(f,{})]})}export{j as WorkQueuePage};