import{C as e,H as t,I as n,M as r,P as i,at as a,b as o,ft as s,gt as c,ht as l,m as u,ot as d,st as f,tt as p,w as m}from"./index-B45dCJI0.js";import{t as h}from"./DateText-Du89ammI.js";import{t as g}from"./usePageQuery-sBy1OUbp.js";import{i as _,n as v}from"./FormFields-BFLsOudm.js";import{n as y}from"./residentPath-CGnw1BHX.js";var b=c(l(),1),x=f(),S=r(`
  query Callbacks {
    callbacks(first: 100) {
      nodes {
        id
        team
        phone
        question
        subject
        requestedAt
        deadline
        overdue
        version
      }
    }
  }
`),C=r(`
  mutation ConsoleCompleteCallback($input: CompleteCallbackInput!) {
    completeCallback(input: $input) {
      callback {
        id
        completedAt
        inTime
      }
    }
  }
`);function w(){let e=d(),{data:n,reexecute:r}=g({query:S}),o=()=>r({requestPolicy:`network-only`}),s=n?.callbacks.nodes;return(0,x.jsxs)(x.Fragment,{children:[(0,x.jsx)(i,{children:e.formatMessage({id:`console.callbacks.title`,defaultMessage:`Terugbellen`,description:`Title of the callback queue`})}),s?s.length===0?(0,x.jsx)(t,{children:(0,x.jsx)(a,{id:`console.callbacks.none`,defaultMessage:`Er staan geen terugbelverzoeken open.`,description:`The callback queue is empty`})}):(0,x.jsx)(`ol`,{className:`loket-callbacks`,children:s.map(e=>(0,x.jsx)(`li`,{className:`loket-panel loket-callback`,children:(0,x.jsx)(T,{callback:e,onDone:o})},e.id))}):(0,x.jsx)(u,{})]})}function T({callback:r,onDone:i}){let c=(0,b.useId)(),l=s(),[u,d]=(0,b.useState)(``),[f,g]=n(C),S=e(f.error),w=f.error&&m(f.error)instanceof o;return(0,x.jsxs)(`article`,{"aria-labelledby":c,children:[(0,x.jsx)(`h2`,{id:c,className:`utrecht-heading-3`,children:(0,x.jsx)(a,{id:`console.callbacks.item`,defaultMessage:`Bel {phone} terug`,description:`Heading of one callback`,values:{phone:r.phone}})}),(0,x.jsxs)(`dl`,{className:`loket-facts`,children:[(0,x.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,x.jsx)(`dt`,{children:(0,x.jsx)(a,{id:`console.handover.team`,defaultMessage:`Team`,description:`Label`})}),(0,x.jsx)(`dd`,{children:r.team})]}),(0,x.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,x.jsx)(`dt`,{children:(0,x.jsx)(a,{id:`console.callbacks.deadline`,defaultMessage:`Uiterlijk`,description:`Label of the last day to call back`})}),(0,x.jsxs)(`dd`,{children:[(0,x.jsx)(h,{value:r.deadline}),r.overdue&&(0,x.jsxs)(`strong`,{className:`loket-overdue`,children:[` `,(0,x.jsx)(a,{id:`console.case.overdue`,defaultMessage:`Termijn verstreken`,description:`Mark of a case past its deadline`})]})]})]}),(0,x.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,x.jsx)(`dt`,{children:(0,x.jsx)(a,{id:`console.contact.question`,defaultMessage:`Vraag`,description:`Label of the resident's question`})}),(0,x.jsx)(`dd`,{children:r.question})]})]}),r.subject&&(0,x.jsx)(p,{type:`button`,appearance:`secondary-action-button`,onClick:()=>void l(y(),{state:{bsn:r.subject}}),children:(0,x.jsx)(a,{id:`console.callbacks.resident`,defaultMessage:`Inwoner en zaken bekijken`,description:`Button: open the resident of a callback`})}),(0,x.jsxs)(`form`,{className:`loket-form`,noValidate:!0,onSubmit:e=>{e.preventDefault(),g({input:{id:r.id,result:u,expectedVersion:r.version}}).then(e=>{e.data&&i()})},children:[w?(0,x.jsxs)(t,{children:[(0,x.jsx)(a,{id:`console.callbacks.conflict`,defaultMessage:`Een collega heeft dit verzoek intussen gewijzigd.`,description:`The callback changed since it was read`}),` `,(0,x.jsx)(p,{type:`button`,appearance:`subtle-button`,onClick:i,children:(0,x.jsx)(a,{id:`console.case.reload`,defaultMessage:`Opnieuw laden`,description:`Button: load the case as it is now`})})]}):(0,x.jsx)(_,{error:f.error}),(0,x.jsx)(v,{label:(0,x.jsx)(a,{id:`console.callbacks.result`,defaultMessage:`Wat is er uitgekomen?`,description:`Label of a callback's result`}),name:`result`,value:u,onChange:d,error:S.get(`result`)}),(0,x.jsx)(p,{type:`submit`,appearance:`primary-action-button`,busy:f.fetching,children:(0,x.jsx)(a,{id:`console.callbacks.complete`,defaultMessage:`Afronden`,description:`Button: complete the callback`})})]})]})}export{w as CallbacksPage};