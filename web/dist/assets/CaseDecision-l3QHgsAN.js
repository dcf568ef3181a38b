import{B as e,H as t,M as n,N as r,at as i,gt as a,ht as o,st as s}from"./index-BoWHM9-R.js";import{t as c}from"./DateText-C8ouzo8M.js";var l=a(o(),1),u=s(),d=n(`
  fragment CaseDecision_Decision on Decision {
    name
    effect
    explanation
    decidedAt
  }
`);function f(e){switch(e){case`POSITIVE`:return`ok`;case`NEGATIVE`:return`warning`;case`NEUTRAL`:return`info`;default:return e}}var p=(0,l.forwardRef)(function({decision:n,className:a,...o},s){let p=r(d,n),m=(0,l.useId)();return(0,u.jsx)(`section`,{ref:s,"aria-labelledby":m,className:[`utrecht-alert`,`utrecht-alert--${f(p.effect)}`,`loket-decision`,a].filter(Boolean).join(` `),...o,children:(0,u.jsx)(`div`,{className:`utrecht-alert__content`,children:(0,u.jsxs)(`div`,{className:`utrecht-alert__message`,children:[(0,u.jsx)(e,{id:m,children:(0,u.jsx)(i,{id:`decision.heading`,defaultMessage:`Besluit: {outcome}`,description:`Heading of a case's decision`,values:{outcome:p.name}})}),(0,u.jsx)(t,{children:(0,u.jsx)(i,{id:`decision.date`,defaultMessage:`Genomen op {date}.`,description:`When the decision was taken`,values:{date:(0,u.jsx)(c,{value:p.decidedAt})}})}),(0,u.jsx)(t,{children:p.explanation})]})})})});export{p as t};