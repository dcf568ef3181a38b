import{A as e,B as t,H as n,M as r,P as i,R as a,at as o,d as s,gt as c,ht as l,ot as u,pt as d,st as f}from"./index-BoWHM9-R.js";import{t as p}from"./CaseDecision-l3QHgsAN.js";import{t as m}from"./CaseProgress-ClpzIDBG.js";import{t as h}from"./DateText-C8ouzo8M.js";import{t as g}from"./usePageQuery-IGS0VNgU.js";import{t as _}from"./useReconnect-VmB_s52K.js";var v=c(l(),1),y=f(),b=r(`
  query MyCase($reference: String!) {
    case(reference: $reference) {
      id
      reference
      caseType {
        name
      }
      location
      description
      submittedAt
      status {
        name
        end
      }
      decision {
        ...CaseDecision_Decision
      }
      ...CaseProgress_Case
    }
  }
`),x=r(`
  subscription CaseUpdated($caseId: ID!) {
    caseUpdated(caseId: $caseId) {
      kind
      at
      case {
        id
        version
        status {
          name
        }
      }
    }
  }
`);function S(){let r=u(),{reference:c=``}=d(),{data:l,reexecute:f}=g({query:b,variables:{reference:c}}),[S,C]=(0,v.useState)(``),w=l?.case.id;a({query:x,variables:{caseId:w??``},pause:!w},(e,t)=>{f({requestPolicy:`network-only`});let n=t.caseUpdated.case.status?.name;return n&&C(r.formatMessage({id:`case.updated`,defaultMessage:`Bijgewerkt: uw aanvraag staat nu op “{status}”.`,description:`Announced when the case changes while the page is open`},{status:n})),t}),_(()=>f({requestPolicy:`network-only`}));let T=l?.case;return T?(0,y.jsxs)(y.Fragment,{children:[(0,y.jsx)(i,{children:T.caseType.name}),(0,y.jsxs)(`dl`,{className:`loket-facts`,children:[(0,y.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,y.jsx)(`dt`,{children:(0,y.jsx)(o,{id:`case.reference`,defaultMessage:`Zaaknummer`,description:`Label of a case's reference`})}),(0,y.jsx)(`dd`,{className:`loket-case__reference`,children:T.reference})]}),(0,y.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,y.jsx)(`dt`,{children:(0,y.jsx)(o,{id:`case.submitted`,defaultMessage:`Aangevraagd op`,description:`Label of the day a case came in`})}),(0,y.jsx)(`dd`,{children:(0,y.jsx)(h,{value:T.submittedAt})})]}),T.location&&(0,y.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,y.jsx)(`dt`,{children:(0,y.jsx)(o,{id:`case.location`,defaultMessage:`Adres`,description:`Label of a case's location`})}),(0,y.jsx)(`dd`,{children:T.location})]}),T.description&&(0,y.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,y.jsx)(`dt`,{children:(0,y.jsx)(o,{id:`case.description`,defaultMessage:`Uw omschrijving`,description:`Label of what the resident wrote`})}),(0,y.jsx)(`dd`,{children:T.description})]})]}),(0,y.jsx)(`p`,{role:`status`,className:`loket-live`,children:S}),T.decision&&(0,y.jsx)(p,{decision:T.decision}),(0,y.jsx)(t,{children:(0,y.jsx)(o,{id:`case.progress`,defaultMessage:`Waar staat uw aanvraag?`,description:`Heading above the status steps`})}),(0,y.jsx)(m,{case:T}),(0,y.jsx)(n,{children:(0,y.jsx)(e,{to:`/mijn/zaken`,children:(0,y.jsx)(o,{id:`case.back`,defaultMessage:`Terug naar al uw zaken`,description:`Link back to my cases`})})})]}):(0,y.jsx)(s,{})}export{S as CasePage};