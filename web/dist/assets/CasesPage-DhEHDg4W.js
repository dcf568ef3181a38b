import{A as e,H as t,M as n,N as r,P as i,V as a,at as o,d as s,gt as c,ht as l,ot as u,st as d}from"./index-BecHQAow.js";import{t as f}from"./DateText-C9K8jATv.js";import{t as p}from"./usePageQuery-B80kpKgM.js";var m=c(l(),1),h=d(),g=n(`
  fragment CaseSummary_Case on Case {
    reference
    caseType {
      name
    }
    status {
      name
      end
    }
    submittedAt
    expectedCompletion
    decision {
      name
    }
  }
`),_=(0,m.forwardRef)(function({case:n,className:i,...s},c){let l=r(g,n),u=(0,m.useId)();return(0,h.jsxs)(`article`,{ref:c,"aria-labelledby":u,className:[`loket-case-summary`,i].filter(Boolean).join(` `),...s,children:[(0,h.jsx)(a,{id:u,className:`loket-case-summary__heading`,children:(0,h.jsx)(e,{to:`/mijn/zaken/${encodeURIComponent(l.reference)}`,children:l.caseType.name})}),(0,h.jsxs)(`dl`,{className:`loket-facts`,children:[(0,h.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,h.jsx)(`dt`,{children:(0,h.jsx)(o,{id:`case.reference`,defaultMessage:`Zaaknummer`,description:`Label of a case's reference`})}),(0,h.jsx)(`dd`,{className:`loket-case-summary__reference`,children:l.reference})]}),(0,h.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,h.jsx)(`dt`,{children:(0,h.jsx)(o,{id:`case.status`,defaultMessage:`Status`,description:`Label of a case's status`})}),(0,h.jsx)(`dd`,{children:l.decision?.name??l.status?.name})]}),(0,h.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,h.jsx)(`dt`,{children:(0,h.jsx)(o,{id:`case.submitted`,defaultMessage:`Aangevraagd op`,description:`Label of the day a case came in`})}),(0,h.jsx)(`dd`,{children:(0,h.jsx)(f,{value:l.submittedAt})})]}),!l.status?.end&&(0,h.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,h.jsx)(`dt`,{children:(0,h.jsx)(o,{id:`case.expected`,defaultMessage:`Besluit verwacht uiterlijk`,description:`Label of the date a decision is expected by`})}),(0,h.jsx)(`dd`,{children:(0,h.jsx)(f,{value:l.expectedCompletion})})]})]}),l.status?.end&&(0,h.jsx)(t,{className:`loket-case-summary__closed`,children:(0,h.jsx)(o,{id:`case.closed`,defaultMessage:`Deze aanvraag is afgehandeld.`,description:`A closed case`})})]})}),v=n(`
  query MyCases {
    me {
      cases(first: 50) {
        totalCount
        edges {
          node {
            id
            ...CaseSummary_Case
          }
        }
      }
    }
  }
`);function y(){let n=u(),{data:r}=p({query:v,requestPolicy:`cache-and-network`}),a=r?.me.cases;return(0,h.jsxs)(h.Fragment,{children:[(0,h.jsx)(i,{children:n.formatMessage({id:`cases.title`,defaultMessage:`Mijn zaken`,description:`Title of my cases`})}),a?a.totalCount===0?(0,h.jsx)(t,{children:(0,h.jsx)(o,{id:`cases.none`,defaultMessage:`U hebt nog niets aangevraagd. <link>Vraag iets aan</link>.`,description:`My cases is empty`,values:{link:t=>(0,h.jsx)(e,{to:`/aanvragen`,children:t})}})}):(0,h.jsxs)(h.Fragment,{children:[(0,h.jsx)(t,{children:(0,h.jsx)(o,{id:`cases.count`,defaultMessage:`{count, plural, one {U hebt 1 zaak.} other {U hebt # zaken.}} De nieuwste staat bovenaan.`,description:`How many cases the resident has`,values:{count:a.totalCount}})}),(0,h.jsx)(`ul`,{className:`loket-case-list`,children:a.edges.map(({node:e})=>(0,h.jsx)(`li`,{children:(0,h.jsx)(_,{case:e})},e.id))})]}):(0,h.jsx)(s,{})]})}export{y as CasesPage};