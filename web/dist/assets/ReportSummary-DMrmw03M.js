import{H as e,M as t,N as n,V as r,at as i,gt as a,ht as o,st as s}from"./index-BoWHM9-R.js";import{t as c}from"./DateText-C8ouzo8M.js";var l=a(o(),1),u=s(),d=t(`
  fragment ReportSummary_Report on Report {
    reference
    category {
      name
    }
    status {
      name
      explanation
    }
    createdAt
    expectedBy
    closedAt
    outcome {
      name
    }
  }
`),f=(0,l.forwardRef)(function({report:t,className:a,...o},s){let f=n(d,t),p=(0,l.useId)();return(0,u.jsxs)(`article`,{ref:s,"aria-labelledby":p,className:[`loket-case-summary`,`loket-report-summary`,a].filter(Boolean).join(` `),...o,children:[(0,u.jsx)(r,{id:p,className:`loket-case-summary__heading`,lang:`nl`,children:f.category.name}),(0,u.jsxs)(`dl`,{className:`loket-facts`,children:[(0,u.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,u.jsx)(`dt`,{children:(0,u.jsx)(i,{id:`report.reference`,defaultMessage:`Meldingnummer`,description:`Label of a report's reference`})}),(0,u.jsx)(`dd`,{className:`loket-case-summary__reference`,children:f.reference})]}),(0,u.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,u.jsx)(`dt`,{children:(0,u.jsx)(i,{id:`case.status`,defaultMessage:`Status`,description:`Label of a case's status`})}),(0,u.jsx)(`dd`,{lang:`nl`,children:f.status.name})]}),(0,u.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,u.jsx)(`dt`,{children:(0,u.jsx)(i,{id:`report.filed`,defaultMessage:`Gemeld op`,description:`Label of the day a report was filed`})}),(0,u.jsx)(`dd`,{children:(0,u.jsx)(c,{value:f.createdAt})})]}),f.closedAt?(0,u.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,u.jsx)(`dt`,{children:(0,u.jsx)(i,{id:`report.closed`,defaultMessage:`Afgehandeld op`,description:`Label of the day a report ended`})}),(0,u.jsx)(`dd`,{children:(0,u.jsx)(c,{value:f.closedAt})})]}):(0,u.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,u.jsx)(`dt`,{children:(0,u.jsx)(i,{id:`report.expected`,defaultMessage:`Verwacht klaar uiterlijk`,description:`Label of the day a report is expected to be handled by`})}),(0,u.jsx)(`dd`,{children:(0,u.jsx)(c,{value:f.expectedBy})})]}),f.outcome&&(0,u.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,u.jsx)(`dt`,{children:(0,u.jsx)(i,{id:`report.outcome`,defaultMessage:`Uitkomst`,description:`Label of how a report ended`})}),(0,u.jsx)(`dd`,{lang:`nl`,children:f.outcome.name})]})]}),(0,u.jsx)(e,{className:`loket-report-summary__explanation`,lang:`nl`,children:f.status.explanation})]})});export{f as t};