import{B as e,K as t,O as n,V as r,b as i,k as a,o,q as s,v as c,x as l,y as u,z as d}from"./index-TB5vsFs-.js";import{t as f}from"./DateText-BO4PAvwy.js";import{t as p}from"./usePageQuery-BfRcTO7K.js";var m=s(t(),1),h=r(),g=u(`
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
`),_=(0,m.forwardRef)(function({case:e,className:t,...r},o){let s=i(g,e),l=(0,m.useId)();return(0,h.jsxs)(`article`,{ref:o,"aria-labelledby":l,className:[`loket-case-summary`,t].filter(Boolean).join(` `),...r,children:[(0,h.jsx)(n,{id:l,className:`loket-case-summary__heading`,children:(0,h.jsx)(c,{to:`/mijn/zaken/${encodeURIComponent(s.reference)}`,children:s.caseType.name})}),(0,h.jsxs)(`dl`,{className:`loket-facts`,children:[(0,h.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,h.jsx)(`dt`,{children:(0,h.jsx)(d,{id:`case.reference`,defaultMessage:`Zaaknummer`,description:`Label of a case's reference`})}),(0,h.jsx)(`dd`,{className:`loket-case-summary__reference`,children:s.reference})]}),(0,h.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,h.jsx)(`dt`,{children:(0,h.jsx)(d,{id:`case.status`,defaultMessage:`Status`,description:`Label of a case's status`})}),(0,h.jsx)(`dd`,{children:s.decision?.name??s.status?.name})]}),(0,h.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,h.jsx)(`dt`,{children:(0,h.jsx)(d,{id:`case.submitted`,defaultMessage:`Aangevraagd op`,description:`Label of the day a case came in`})}),(0,h.jsx)(`dd`,{children:(0,h.jsx)(f,{value:s.submittedAt})})]}),!s.status?.end&&(0,h.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,h.jsx)(`dt`,{children:(0,h.jsx)(d,{id:`case.expected`,defaultMessage:`Besluit verwacht uiterlijk`,description:`Label of the date a decision is expected by`})}),(0,h.jsx)(`dd`,{children:(0,h.jsx)(f,{value:s.expectedCompletion})})]})]}),s.status?.end&&(0,h.jsx)(a,{className:`loket-case-summary__closed`,children:(0,h.jsx)(d,{id:`case.closed`,defaultMessage:`Deze aanvraag is afgehandeld.`,description:`A closed case`})})]})}),v=u(`
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
`);function y(){let t=e(),{data:n}=p({query:v,requestPolicy:`cache-and-network`}),r=n?.me.cases;return(0,h.jsxs)(h.Fragment,{children:[(0,h.jsx)(l,{children:t.formatMessage({id:`cases.title`,defaultMessage:`Mijn zaken`,description:`Title of my cases`})}),r?r.totalCount===0?(0,h.jsx)(a,{children:(0,h.jsx)(d,{id:`cases.none`,defaultMessage:`U hebt nog niets aangevraagd. <link>Vraag iets aan</link>.`,description:`My cases is empty`,values:{link:e=>(0,h.jsx)(c,{to:`/aanvragen`,children:e})}})}):(0,h.jsxs)(h.Fragment,{children:[(0,h.jsx)(a,{children:(0,h.jsx)(d,{id:`cases.count`,defaultMessage:`{count, plural, one {U hebt 1 zaak.} other {U hebt # zaken.}} De nieuwste staat bovenaan.`,description:`How many cases the resident has`,values:{count:r.totalCount}})}),(0,h.jsx)(`ul`,{className:`loket-case-list`,children:r.edges.map(({node:e})=>(0,h.jsx)(`li`,{children:(0,h.jsx)(_,{case:e})},e.id))})]}):(0,h.jsx)(o,{})]})}export{y as CasesPage};