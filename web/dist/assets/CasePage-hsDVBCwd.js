import{B as e,D as t,K as n,R as r,T as i,V as a,W as o,b as s,k as c,o as l,q as u,v as d,x as f,y as p,z as m}from"./index-TB5vsFs-.js";import{t as h}from"./DateText-BO4PAvwy.js";import{t as g}from"./usePageQuery-BfRcTO7K.js";var _=u(n(),1),v=a(),y=p(`
  fragment CaseDecision_Decision on Decision {
    name
    effect
    explanation
    decidedAt
  }
`);function b(e){switch(e){case`POSITIVE`:return`ok`;case`NEGATIVE`:return`warning`;case`NEUTRAL`:return`info`;default:return e}}var x=(0,_.forwardRef)(function({decision:e,className:n,...r},i){let a=s(y,e),o=(0,_.useId)();return(0,v.jsx)(`section`,{ref:i,"aria-labelledby":o,className:[`utrecht-alert`,`utrecht-alert--${b(a.effect)}`,`loket-decision`,n].filter(Boolean).join(` `),...r,children:(0,v.jsx)(`div`,{className:`utrecht-alert__content`,children:(0,v.jsxs)(`div`,{className:`utrecht-alert__message`,children:[(0,v.jsx)(t,{id:o,children:(0,v.jsx)(m,{id:`decision.heading`,defaultMessage:`Besluit: {outcome}`,description:`Heading of a case's decision`,values:{outcome:a.name}})}),(0,v.jsx)(c,{children:(0,v.jsx)(m,{id:`decision.date`,defaultMessage:`Genomen op {date}.`,description:`When the decision was taken`,values:{date:(0,v.jsx)(h,{value:a.decidedAt})}})}),(0,v.jsx)(c,{children:a.explanation})]})})})});function S({status:e}){switch(e){case`checked`:return(0,v.jsx)(m,{id:`steps.checked`,defaultMessage:`Klaar:`,description:`Screen-reader prefix of a finished step`});case`current`:return(0,v.jsx)(m,{id:`steps.current`,defaultMessage:`Nu:`,description:`Screen-reader prefix of the current step`});case`not-checked`:return(0,v.jsx)(m,{id:`steps.next`,defaultMessage:`Nog te doen:`,description:`Screen-reader prefix of a step still to come`});default:return e}}function C({status:e,number:t}){return(0,v.jsx)(`span`,{className:`loket-step-marker loket-step-marker--${e}`,"aria-hidden":`true`,children:e===`checked`?(0,v.jsx)(`svg`,{className:`loket-step-marker__icon`,viewBox:`0 0 16 16`,focusable:`false`,children:(0,v.jsx)(`path`,{d:`M6.2 11.6 2.9 8.3l1.1-1.1 2.2 2.2 5.8-5.8 1.1 1.1z`})}):t})}var w=(0,_.forwardRef)(function({steps:e,className:t,...n},r){return(0,v.jsx)(`ol`,{ref:r,className:[`loket-process-steps`,t].filter(Boolean).join(` `),...n,children:e.map((e,t)=>(0,v.jsxs)(`li`,{className:`loket-process-steps__step loket-process-steps__step--${e.status}`,"aria-current":e.status===`current`?`step`:void 0,children:[(0,v.jsx)(C,{status:e.status,number:t+1}),(0,v.jsxs)(`div`,{className:`loket-process-steps__content`,children:[(0,v.jsxs)(`p`,{className:`loket-process-steps__heading`,children:[(0,v.jsxs)(`span`,{className:`loket-visually-hidden`,children:[(0,v.jsx)(S,{status:e.status}),` `]}),e.title]}),e.date&&(0,v.jsx)(`p`,{className:`loket-process-steps__date`,children:e.date}),e.meta&&(0,v.jsx)(`p`,{className:`loket-process-steps__meta`,children:e.meta}),e.description&&(0,v.jsx)(`p`,{className:`loket-process-steps__description`,children:e.description})]})]},e.id))})}),T=p(`
  fragment CaseProgress_Case on Case {
    status {
      code
      name
      explanation
      since
      daysInStep
      end
    }
    timeline {
      code
      name
      at
      explanation
    }
    expectedCompletion
    caseType {
      statuses {
        code
        name
        explanation
        end
        next
      }
    }
  }
`);function E(e,t){let n=e.indexOf(t);return t.next.length>0&&t.next.every(t=>e.findIndex(e=>e.code===t)<n)}function D(e,t){let n=e.findIndex(e=>e.code===t),r=e.slice(n+1),i=r.filter(t=>!t.end&&!E(e,t)),a=r.find(e=>e.end)??e.find(e=>e.end);return a&&!i.includes(a)&&a.code!==t?[...i,a]:i}var O=(0,_.forwardRef)(function({case:t,...n},r){let i=e(),a=s(T,t),o=a.caseType.statuses,c=a.timeline??[],l=a.status,u=(l?c.slice(0,-1):c).map((e,t)=>({id:`done-${t}-${e.code}`,title:e.name,status:`checked`,date:(0,v.jsx)(h,{value:e.at,kind:`datetime`}),description:e.explanation??o.find(t=>t.code===e.code)?.explanation}));if(l){let e=c.at(-1)?.explanation??l.explanation;if(u.push({id:`now-${l.code}`,title:l.name,status:l.end?`checked`:`current`,date:(0,v.jsx)(h,{value:l.since,kind:`datetime`}),meta:l.end?void 0:i.formatMessage({id:`progress.days`,defaultMessage:`{days, plural, =0 {Sinds vandaag in deze stap} one {Al # dag in deze stap} other {Al # dagen in deze stap}}`,description:`How long the case has been in its current step`},{days:l.daysInStep}),description:e}),!l.end)for(let e of D(o,l.code))u.push({id:`next-${e.code}`,title:e.name,status:`not-checked`,date:e.end?(0,v.jsx)(m,{id:`progress.expected`,defaultMessage:`Verwacht uiterlijk {date}`,description:`The date a decision is expected by`,values:{date:(0,v.jsx)(h,{value:a.expectedCompletion})}}):void 0})}return(0,v.jsx)(w,{ref:r,steps:u,"aria-label":i.formatMessage({id:`progress.label`,defaultMessage:`Stappen van uw aanvraag`,description:`Accessible name of the list of status steps`}),...n})});function k(e){let t=(0,_.useContext)(r),n=(0,_.useRef)(e);(0,_.useEffect)(()=>{n.current=e},[e]),(0,_.useEffect)(()=>t?.subscribe(()=>n.current()),[t])}var A=p(`
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
`),j=p(`
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
`);function M(){let n=e(),{reference:r=``}=o(),{data:a,reexecute:s}=g({query:A,variables:{reference:r}}),[u,p]=(0,_.useState)(``),y=a?.case.id;i({query:j,variables:{caseId:y??``},pause:!y},(e,t)=>{s({requestPolicy:`network-only`});let r=t.caseUpdated.case.status?.name;return r&&p(n.formatMessage({id:`case.updated`,defaultMessage:`Bijgewerkt: uw aanvraag staat nu op “{status}”.`,description:`Announced when the case changes while the page is open`},{status:r})),t}),k(()=>s({requestPolicy:`network-only`}));let b=a?.case;return b?(0,v.jsxs)(v.Fragment,{children:[(0,v.jsx)(f,{children:b.caseType.name}),(0,v.jsxs)(`dl`,{className:`loket-facts`,children:[(0,v.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,v.jsx)(`dt`,{children:(0,v.jsx)(m,{id:`case.reference`,defaultMessage:`Zaaknummer`,description:`Label of a case's reference`})}),(0,v.jsx)(`dd`,{className:`loket-case__reference`,children:b.reference})]}),(0,v.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,v.jsx)(`dt`,{children:(0,v.jsx)(m,{id:`case.submitted`,defaultMessage:`Aangevraagd op`,description:`Label of the day a case came in`})}),(0,v.jsx)(`dd`,{children:(0,v.jsx)(h,{value:b.submittedAt})})]}),b.location&&(0,v.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,v.jsx)(`dt`,{children:(0,v.jsx)(m,{id:`case.location`,defaultMessage:`Adres`,description:`Label of a case's location`})}),(0,v.jsx)(`dd`,{children:b.location})]}),b.description&&(0,v.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,v.jsx)(`dt`,{children:(0,v.jsx)(m,{id:`case.description`,defaultMessage:`Uw omschrijving`,description:`Label of what the resident wrote`})}),(0,v.jsx)(`dd`,{children:b.description})]})]}),(0,v.jsx)(`p`,{role:`status`,className:`loket-live`,children:u}),b.decision&&(0,v.jsx)(x,{decision:b.decision}),(0,v.jsx)(t,{children:(0,v.jsx)(m,{id:`case.progress`,defaultMessage:`Waar staat uw aanvraag?`,description:`Heading above the status steps`})}),(0,v.jsx)(O,{case:b}),(0,v.jsx)(c,{children:(0,v.jsx)(d,{to:`/mijn/zaken`,children:(0,v.jsx)(m,{id:`case.back`,defaultMessage:`Terug naar al uw zaken`,description:`Link back to my cases`})})})]}):(0,v.jsx)(l,{})}export{M as CasePage};