import{$ as e,A as t,H as n,L as r,M as i,P as a,R as o,U as s,W as c,at as l,d as u,gt as d,ht as f,mt as p,ot as m,q as h,st as g,tt as _}from"./index-BoWHM9-R.js";import{t as v}from"./DateText-C8ouzo8M.js";import{t as y}from"./Field-c_iBCutW.js";import{t as b}from"./usePageQuery-IGS0VNgU.js";import{t as x}from"./useReconnect-VmB_s52K.js";import{n as S,t as C}from"./labels-gOw5r-l8.js";import{t as w}from"./casePath-B2RrHfBe.js";import{t as T}from"./Table-qSrJnayI.js";var E=d(f(),1),D=g(),O=100,k=i(`
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
`),A=i(`
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
`),j=i(`
  subscription WorkQueueUpdated {
    caseUpdated {
      kind
      case {
        id
      }
    }
  }
`);function M(e){let t={},n=e.get(`type`),r=e.get(`status`),i=e.get(`handler`),a=e.get(`voor`);return n&&(t.caseTypes=[n]),r&&(t.statuses=[r]),i&&(t.handler=i),e.get(`vrij`)===`1`&&(t.unassigned=!0),e.get(`te-laat`)===`1`&&(t.overdue=!0),a&&(t.dueBefore=a),t}function N(e){let t={};for(let n of[`type`,`status`,`handler`,`voor`]){let r=String(e.get(n)??``).trim();r&&(t[n]=r)}return e.get(`vrij`)&&(t.vrij=`1`),e.get(`te-laat`)&&(t[`te-laat`]=`1`),t}function P(){let i=m(),d=(0,E.useId)(),[f,g]=p(),P=M(f),[F,I]=(0,E.useState)(``),{data:L,reexecute:R}=b({query:k,variables:{filter:P,first:O}}),[{data:z}]=r({query:A});o({query:j},(e,t)=>(R({requestPolicy:`network-only`}),I(i.formatMessage({id:`console.queue.updated`,defaultMessage:`De werkvoorraad is bijgewerkt.`,description:`Announced when a case in the queue changes`})),t)),x(()=>R({requestPolicy:`network-only`}));let B=new Map;for(let e of z?.caseTypes??[])if(!P.caseTypes||P.caseTypes.includes(e.code))for(let t of e.statuses)!t.end&&!B.has(t.code)&&B.set(t.code,t.name);let V=e=>{e.preventDefault(),g(N(new FormData(e.currentTarget)))},H=L?.cases;return(0,D.jsxs)(D.Fragment,{children:[(0,D.jsx)(a,{children:i.formatMessage({id:`console.queue.title`,defaultMessage:`Werkvoorraad`,description:`Title of the work queue`})}),(0,D.jsxs)(`form`,{className:`loket-form loket-filters`,"aria-label":i.formatMessage({id:`console.queue.filters`,defaultMessage:`Filters`,description:`Accessible name of the work queue filters`}),onSubmit:V,children:[(0,D.jsx)(y,{label:(0,D.jsx)(C,{name:`caseType`}),children:e=>(0,D.jsxs)(s,{...e,name:`type`,defaultValue:f.get(`type`)??``,children:[(0,D.jsx)(c,{value:``,children:i.formatMessage({id:`console.queue.all`,defaultMessage:`Alle`,description:`Filter option: no filter`})}),(z?.caseTypes??[]).map(e=>(0,D.jsx)(c,{value:e.code,children:e.name},e.code))]})}),(0,D.jsx)(y,{label:(0,D.jsx)(C,{name:`status`}),children:e=>(0,D.jsxs)(s,{...e,name:`status`,defaultValue:f.get(`status`)??``,children:[(0,D.jsx)(c,{value:``,children:i.formatMessage({id:`console.queue.all`,defaultMessage:`Alle`,description:`Filter option: no filter`})}),[...B].map(([e,t])=>(0,D.jsx)(c,{value:e,children:t},e))]})}),(0,D.jsx)(y,{label:(0,D.jsx)(C,{name:`handler`}),children:e=>(0,D.jsx)(h,{...e,name:`handler`,autoComplete:`off`,maxLength:100,defaultValue:f.get(`handler`)??``})}),(0,D.jsx)(y,{label:(0,D.jsx)(l,{id:`console.queue.dueBefore`,defaultMessage:`Termijn vóór`,description:`Label: due before a date`}),children:e=>(0,D.jsx)(h,{...e,name:`voor`,type:`date`,defaultValue:f.get(`voor`)??``})}),(0,D.jsxs)(`div`,{className:`loket-choice`,children:[(0,D.jsx)(e,{id:`${d}-free`,name:`vrij`,value:`1`,defaultChecked:P.unassigned===!0}),(0,D.jsx)(`label`,{htmlFor:`${d}-free`,className:`utrecht-form-label utrecht-form-label--checkbox`,children:(0,D.jsx)(l,{id:`console.queue.unassigned`,defaultMessage:`Alleen zonder behandelaar`,description:`Filter`})})]}),(0,D.jsxs)(`div`,{className:`loket-choice`,children:[(0,D.jsx)(e,{id:`${d}-late`,name:`te-laat`,value:`1`,defaultChecked:P.overdue===!0}),(0,D.jsx)(`label`,{htmlFor:`${d}-late`,className:`utrecht-form-label utrecht-form-label--checkbox`,children:(0,D.jsx)(l,{id:`console.queue.overdue`,defaultMessage:`Alleen over de termijn`,description:`Filter`})})]}),(0,D.jsx)(_,{type:`submit`,appearance:`secondary-action-button`,children:(0,D.jsx)(l,{id:`console.queue.apply`,defaultMessage:`Filteren`,description:`Button: apply the filters`})})]},f.toString()),(0,D.jsx)(`p`,{role:`status`,className:`loket-live`,children:F}),H?(0,D.jsxs)(D.Fragment,{children:[(0,D.jsx)(n,{children:(0,D.jsx)(l,{id:`console.queue.count`,defaultMessage:`{count, plural, =0 {Geen open zaken.} one {1 open zaak} other {# open zaken}}{overdue, plural, =0 {} other {, waarvan # over de termijn}}.`,description:`How many cases the queue holds and how many are overdue`,values:{count:H.totalCount,overdue:H.overdueCount}})}),H.nodes.length>0&&(0,D.jsx)(T,{className:`loket-queue`,caption:(0,D.jsx)(l,{id:`console.queue.caption`,defaultMessage:`Open zaken, de eerste termijn bovenaan`,description:`Caption of the work queue table`}),columns:[(0,D.jsx)(C,{name:`reference`}),(0,D.jsx)(C,{name:`caseType`}),(0,D.jsx)(C,{name:`status`}),(0,D.jsx)(C,{name:`deadline`}),(0,D.jsx)(C,{name:`handler`}),(0,D.jsx)(C,{name:`location`})],children:H.nodes.map(e=>(0,D.jsxs)(`tr`,{className:[`utrecht-table__row`,e.overdue&&`loket-queue__row--overdue`].filter(Boolean).join(` `),children:[(0,D.jsx)(`th`,{className:`utrecht-table__header-cell`,scope:`row`,children:(0,D.jsx)(t,{to:w(e.reference),children:e.reference})}),(0,D.jsx)(`td`,{className:`utrecht-table__cell`,children:e.caseType.name}),(0,D.jsx)(`td`,{className:`utrecht-table__cell`,children:e.status?.name}),(0,D.jsxs)(`td`,{className:`utrecht-table__cell`,children:[(0,D.jsx)(v,{value:e.deadline}),e.overdue&&(0,D.jsx)(S,{})]}),(0,D.jsx)(`td`,{className:`utrecht-table__cell`,children:e.handler??(0,D.jsx)(C,{name:`nobody`})}),(0,D.jsx)(`td`,{className:`utrecht-table__cell`,children:e.location})]},e.id))}),H.totalCount>H.nodes.length&&(0,D.jsx)(n,{children:(0,D.jsx)(l,{id:`console.queue.more`,defaultMessage:`De eerste {shown} van {count} staan hier. Filter om de rest te zien.`,description:`The queue shows a first page only`,values:{shown:H.nodes.length,count:H.totalCount}})})]}):(0,D.jsx)(u,{})]})}export{P as WorkQueuePage};