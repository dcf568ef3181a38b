import{H as e,I as t,M as n,P as r,_ as i,at as a,b as o,d as s,ft as c,gt as l,ht as u,ot as d,st as f,tt as p,x as m}from"./index-BoWHM9-R.js";import{t as h}from"./DateText-C8ouzo8M.js";import{t as g}from"./usePageQuery-IGS0VNgU.js";import{t as _}from"./ActionError-Dwe0gDLV.js";import{n as v,t as y}from"./labels-gOw5r-l8.js";import{n as b}from"./FormFields-vnC_hBtq.js";import{n as x}from"./residentPath-CGnw1BHX.js";var S=l(u(),1),C=f(),w=n(`
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
`),T=n(`
  mutation ConsoleCompleteCallback($input: CompleteCallbackInput!) {
    completeCallback(input: $input) {
      callback {
        id
        completedAt
        inTime
      }
    }
  }
`);function E(){let t=d(),{data:n,reexecute:i}=g({query:w}),o=()=>i({requestPolicy:`network-only`}),c=n?.callbacks.nodes;return(0,C.jsxs)(C.Fragment,{children:[(0,C.jsx)(r,{children:t.formatMessage({id:`console.callbacks.title`,defaultMessage:`Terugbellen`,description:`Title of the callback queue`})}),c?c.length===0?(0,C.jsx)(e,{children:(0,C.jsx)(a,{id:`console.callbacks.none`,defaultMessage:`Er staan geen terugbelverzoeken open.`,description:`The callback queue is empty`})}):(0,C.jsx)(`ol`,{className:`loket-callbacks`,children:c.map(e=>(0,C.jsx)(`li`,{className:`loket-panel loket-callback`,children:(0,C.jsx)(D,{callback:e,onDone:o})},e.id))}):(0,C.jsx)(s,{})]})}function D({callback:n,onDone:r}){let s=(0,S.useId)(),l=c(),[u,d]=(0,S.useState)(``),[f,g]=t(T),w=o(f.error),E=f.error&&m(f.error)instanceof i;return(0,C.jsxs)(`article`,{"aria-labelledby":s,children:[(0,C.jsx)(`h2`,{id:s,className:`utrecht-heading-3`,children:(0,C.jsx)(a,{id:`console.callbacks.item`,defaultMessage:`Bel {phone} terug`,description:`Heading of one callback`,values:{phone:n.phone}})}),(0,C.jsxs)(`dl`,{className:`loket-facts`,children:[(0,C.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,C.jsx)(`dt`,{children:(0,C.jsx)(y,{name:`team`})}),(0,C.jsx)(`dd`,{children:n.team})]}),(0,C.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,C.jsx)(`dt`,{children:(0,C.jsx)(a,{id:`console.callbacks.deadline`,defaultMessage:`Uiterlijk`,description:`Label of the last day to call back`})}),(0,C.jsxs)(`dd`,{children:[(0,C.jsx)(h,{value:n.deadline}),n.overdue&&(0,C.jsx)(v,{})]})]}),(0,C.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,C.jsx)(`dt`,{children:(0,C.jsx)(y,{name:`question`})}),(0,C.jsx)(`dd`,{children:n.question})]})]}),n.subject&&(0,C.jsx)(p,{type:`button`,appearance:`secondary-action-button`,onClick:()=>void l(x(),{state:{bsn:n.subject}}),children:(0,C.jsx)(a,{id:`console.callbacks.resident`,defaultMessage:`Inwoner en zaken bekijken`,description:`Button: open the resident of a callback`})}),(0,C.jsxs)(`form`,{className:`loket-form`,noValidate:!0,onSubmit:e=>{e.preventDefault(),g({input:{id:n.id,result:u,expectedVersion:n.version}}).then(e=>{e.data&&r()})},children:[E?(0,C.jsxs)(e,{children:[(0,C.jsx)(a,{id:`console.callbacks.conflict`,defaultMessage:`Een collega heeft dit verzoek intussen gewijzigd.`,description:`The callback changed since it was read`}),` `,(0,C.jsx)(p,{type:`button`,appearance:`subtle-button`,onClick:r,children:(0,C.jsx)(y,{name:`reload`})})]}):(0,C.jsx)(_,{error:f.error}),(0,C.jsx)(b,{label:(0,C.jsx)(a,{id:`console.callbacks.result`,defaultMessage:`Wat is er uitgekomen?`,description:`Label of a callback's result`}),name:`result`,value:u,onChange:d,error:w.get(`result`)}),(0,C.jsx)(p,{type:`submit`,appearance:`primary-action-button`,busy:f.fetching,children:(0,C.jsx)(a,{id:`console.callbacks.complete`,defaultMessage:`Afronden`,description:`Button: complete the callback`})})]})]})}export{E as CallbacksPage};