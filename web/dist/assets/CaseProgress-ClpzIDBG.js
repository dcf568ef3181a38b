import{M as e,N as t,at as n,gt as r,ht as i,ot as a,st as o}from"./index-BoWHM9-R.js";import{t as s}from"./DateText-C8ouzo8M.js";var c=r(i(),1),l=o();function u({status:e}){switch(e){case`checked`:return(0,l.jsx)(n,{id:`steps.checked`,defaultMessage:`Klaar:`,description:`Screen-reader prefix of a finished step`});case`current`:return(0,l.jsx)(n,{id:`steps.current`,defaultMessage:`Nu:`,description:`Screen-reader prefix of the current step`});case`not-checked`:return(0,l.jsx)(n,{id:`steps.next`,defaultMessage:`Nog te doen:`,description:`Screen-reader prefix of a step still to come`});default:return e}}function d({status:e,number:t}){return(0,l.jsx)(`span`,{className:`loket-step-marker loket-step-marker--${e}`,"aria-hidden":`true`,children:e===`checked`?(0,l.jsx)(`svg`,{className:`loket-step-marker__icon`,viewBox:`0 0 16 16`,focusable:`false`,children:(0,l.jsx)(`path`,{d:`M6.2 11.6 2.9 8.3l1.1-1.1 2.2 2.2 5.8-5.8 1.1 1.1z`})}):t})}var f=(0,c.forwardRef)(function({steps:e,className:t,...n},r){return(0,l.jsx)(`ol`,{ref:r,className:[`loket-process-steps`,t].filter(Boolean).join(` `),...n,children:e.map((e,t)=>(0,l.jsxs)(`li`,{className:`loket-process-steps__step loket-process-steps__step--${e.status}`,"aria-current":e.status===`current`?`step`:void 0,children:[(0,l.jsx)(d,{status:e.status,number:t+1}),(0,l.jsxs)(`div`,{className:`loket-process-steps__content`,children:[(0,l.jsxs)(`p`,{className:`loket-process-steps__heading`,children:[(0,l.jsxs)(`span`,{className:`loket-visually-hidden`,children:[(0,l.jsx)(u,{status:e.status}),` `]}),e.title]}),e.date&&(0,l.jsx)(`p`,{className:`loket-process-steps__date`,children:e.date}),e.meta&&(0,l.jsx)(`p`,{className:`loket-process-steps__meta`,children:e.meta}),e.description&&(0,l.jsx)(`p`,{className:`loket-process-steps__description`,children:e.description})]})]},e.id))})}),p=e(`
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
`);function m(e,t){let n=e.indexOf(t);return t.next.length>0&&t.next.every(t=>e.findIndex(e=>e.code===t)<n)}function h(e,t){let n=e.findIndex(e=>e.code===t),r=e.slice(n+1),i=r.filter(t=>!t.end&&!m(e,t)),a=r.find(e=>e.end)??e.find(e=>e.end);return a&&!i.includes(a)&&a.code!==t?[...i,a]:i}var g=(0,c.forwardRef)(function({case:e,...r},i){let o=a(),c=t(p,e),u=c.caseType.statuses,d=c.timeline??[],m=c.status,g=(m?d.slice(0,-1):d).map((e,t)=>({id:`done-${t}-${e.code}`,title:e.name,status:`checked`,date:(0,l.jsx)(s,{value:e.at,kind:`datetime`}),description:e.explanation??u.find(t=>t.code===e.code)?.explanation}));if(m){let e=d.at(-1)?.explanation??m.explanation;if(g.push({id:`now-${m.code}`,title:m.name,status:m.end?`checked`:`current`,date:(0,l.jsx)(s,{value:m.since,kind:`datetime`}),meta:m.end?void 0:o.formatMessage({id:`progress.days`,defaultMessage:`{days, plural, =0 {Sinds vandaag in deze stap} one {Al # dag in deze stap} other {Al # dagen in deze stap}}`,description:`How long the case has been in its current step`},{days:m.daysInStep}),description:e}),!m.end)for(let e of h(u,m.code))g.push({id:`next-${e.code}`,title:e.name,status:`not-checked`,date:e.end?(0,l.jsx)(n,{id:`progress.expected`,defaultMessage:`Verwacht uiterlijk {date}`,description:`The date a decision is expected by`,values:{date:(0,l.jsx)(s,{value:c.expectedCompletion})}}):void 0})}return(0,l.jsx)(f,{ref:i,steps:g,"aria-label":o.formatMessage({id:`progress.label`,defaultMessage:`Stappen van uw aanvraag`,description:`Accessible name of the list of status steps`}),...r})});export{g as t};