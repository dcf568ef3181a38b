import{C as e,H as t,I as n,M as r,P as i,at as a,b as o,ft as s,gt as c,ht as l,m as u,ot as d,st as f,tt as p,w as m}from"./index-JCgePl-Z.js";import{t as h}from"./DateText-Dng6j3Rb.js";import{t as g}from"./usePageQuery-CUWA1Gae.js";import{t as _}from"./ActionError-DOmBo9dS.js";import{n as v,t as y}from"./labels-C8XEmDU-.js";import{n as b}from"./FormFields-BCnCWbWs.js";import{n as x}from"./residentPath-CGnw1BHX.js";var S=c(l(),1),C=f(),w=r(`
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
`),T=r(`
  mutation ConsoleCompleteCallback($input: CompleteCallbackInput!) {
    completeCallback(input: $input) {
      callback {
        id
        completedAt
        inTime
      }
    }
  }
`);function E(){let e=d(),{data:n,reexecute:r}=g({query:w}),o=()=>r({requestPolicy:`network-only`}),s=n?.callbacks.nodes;return(0,C.jsxs)(C.Fragment,{children:[(0,C.jsx)(i,{children:e.formatMessage({id:`console.callbacks.title`,defaultMessage:`Terugbellen`,description:`Title of the callback queue`})}),s?s.length===0?(0,C.jsx)(t,{children:(0,C.jsx)(a,{id:`console.callbacks.none`,defaultMessage:`Er staan geen terugbelverzoeken open.`,description:`The callback queue is empty`})}):(0,C.jsx)(`ol`,{className:`loket-callbacks`,children:s.map(e=>(0,C.jsx)(`li`,{className:`loket-panel loket-callback`,children:(0,C.jsx)(D,{callback:e,onDone:o})},e.id))}):(0,C.jsx)(u,{})]})}function D({callback:r,onDone:i}){let c=(0,S.useId)(),l=s(),[u,d]=(0,S.useState)(``),[f,g]=n(T),w=e(f.error),E=f.error&&m(f.error)instanceof o;return(0,C.jsxs)(`article`,{"aria-labelledby":c,children:[(0,C.jsx)(`h2`,{id:c,className:`utrecht-heading-3`,children:(0,C.jsx)(a,{id:`console.callbacks.item`,defaultMessage:`Bel {phone} terug`,description:`Heading of one callback`,values:{phone:r.phone}})}),(0,C.jsxs)(`dl`,{className:`loket-facts`,children:[(0,C.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,C.jsx)(`dt`,{children:(0,C.jsx)(y,{name:`team`})}),(0,C.jsx)(`dd`,{children:r.team})]}),(0,C.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,C.jsx)(`dt`,{children:(0,C.jsx)(a,{id:`console.callbacks.deadline`,defaultMessage:`Uiterlijk`,description:`Label of the last day to call back`})}),(0,C.jsxs)(`dd`,{children:[(0,C.jsx)(h,{value:r.deadline}),r.overdue&&(0,C.jsx)(v,{})]})]}),(0,C.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,C.jsx)(`dt`,{children:(0,C.jsx)(y,{name:`question`})}),(0,C.jsx)(`dd`,{children:r.question})]})]}),r.subject&&(0,C.jsx)(p,{type:`button`,appearance:`secondary-action-button`,onClick:()=>void l(x(),{state:{bsn:r.subject}}),children:(0,C.jsx)(a,{id:`console.callbacks.resident`,defaultMessage:`Inwoner en zaken bekijken`,description:`Button: open the resident of a callback`})}),(0,C.jsxs)(`form`,{className:`loket-form`,noValidate:!0,onSubmit:e=>{e.preventDefault(),g({input:{id:r.id,result:u,expectedVersion:r.version}}).then(e=>{e.data&&i()})},children:[E?(0,C.jsxs)(t,{children:[(0,C.jsx)(a,{id:`console.callbacks.conflict`,defaultMessage:`Een collega heeft dit verzoek intussen gewijzigd.`,description:`The callback changed since it was read`}),` `,(0,C.jsx)(p,{type:`button`,appearance:`subtle-button`,onClick:i,children:(0,C.jsx)(y,{name:`reload`})})]}):(0,C.jsx)(_,{error:f.error}),(0,C.jsx)(b,{label:(0,C.jsx)(a,{id:`console.callbacks.result`,defaultMessage:`Wat is er uitgekomen?`,description:`Label of a callback's result`}),name:`result`,value:u,onChange:d,error:w.get(`result`)}),(0,C.jsx)(p,{type:`submit`,appearance:`primary-action-button`,busy:f.fetching,children:(0,C.jsx)(a,{id:`console.callbacks.complete`,defaultMessage:`Afronden`,description:`Button: complete the callback`})})]})]})}export{E as CallbacksPage};