import{A as e,H as t,M as n,N as r,P as i,V as a,at as o,d as s,gt as c,ht as l,mt as u,ot as d,st as f}from"./index-BoWHM9-R.js";import{t as p}from"./DateText-C8ouzo8M.js";import{t as m}from"./PageLinks-Cjzl3iCV.js";import{t as h}from"./usePageQuery-IGS0VNgU.js";var g=c(l(),1),_=f(),v=n(`
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
`),y=(0,g.forwardRef)(function({case:n,className:i,...s},c){let l=r(v,n),u=(0,g.useId)();return(0,_.jsxs)(`article`,{ref:c,"aria-labelledby":u,className:[`loket-case-summary`,i].filter(Boolean).join(` `),...s,children:[(0,_.jsx)(a,{id:u,className:`loket-case-summary__heading`,children:(0,_.jsx)(e,{to:`/mijn/zaken/${encodeURIComponent(l.reference)}`,children:l.caseType.name})}),(0,_.jsxs)(`dl`,{className:`loket-facts`,children:[(0,_.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,_.jsx)(`dt`,{children:(0,_.jsx)(o,{id:`case.reference`,defaultMessage:`Zaaknummer`,description:`Label of a case's reference`})}),(0,_.jsx)(`dd`,{className:`loket-case-summary__reference`,children:l.reference})]}),(0,_.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,_.jsx)(`dt`,{children:(0,_.jsx)(o,{id:`case.status`,defaultMessage:`Status`,description:`Label of a case's status`})}),(0,_.jsx)(`dd`,{children:l.decision?.name??l.status?.name})]}),(0,_.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,_.jsx)(`dt`,{children:(0,_.jsx)(o,{id:`case.submitted`,defaultMessage:`Aangevraagd op`,description:`Label of the day a case came in`})}),(0,_.jsx)(`dd`,{children:(0,_.jsx)(p,{value:l.submittedAt})})]}),!l.status?.end&&(0,_.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,_.jsx)(`dt`,{children:(0,_.jsx)(o,{id:`case.expected`,defaultMessage:`Besluit verwacht uiterlijk`,description:`Label of the date a decision is expected by`})}),(0,_.jsx)(`dd`,{children:(0,_.jsx)(p,{value:l.expectedCompletion})})]})]}),l.status?.end&&(0,_.jsx)(t,{className:`loket-case-summary__closed`,children:(0,_.jsx)(o,{id:`case.closed`,defaultMessage:`Deze aanvraag is afgehandeld.`,description:`A closed case`})})]})}),b=20,x=n(`
  query MyCases($first: Int!, $after: String) {
    me {
      cases(first: $first, after: $after) {
        totalCount
        edges {
          node {
            id
            ...CaseSummary_Case
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);function S(){let n=d(),[r]=u(),a=r.get(`na`),{data:c}=h({query:x,variables:{first:b,after:a},requestPolicy:`cache-and-network`}),l=c?.me.cases;return(0,_.jsxs)(_.Fragment,{children:[(0,_.jsx)(i,{children:n.formatMessage({id:`cases.title`,defaultMessage:`Mijn zaken`,description:`Title of my cases`})}),l?l.totalCount===0?(0,_.jsx)(t,{children:(0,_.jsx)(o,{id:`cases.none`,defaultMessage:`U hebt nog niets aangevraagd. <link>Vraag iets aan</link>.`,description:`My cases is empty`,values:{link:t=>(0,_.jsx)(e,{to:`/aanvragen`,children:t})}})}):(0,_.jsxs)(_.Fragment,{children:[(0,_.jsx)(t,{children:(0,_.jsx)(o,{id:`cases.count`,defaultMessage:`{count, plural, one {U hebt 1 zaak.} other {U hebt # zaken.}} De nieuwste staat bovenaan.`,description:`How many cases the resident has`,values:{count:l.totalCount}})}),(0,_.jsx)(`ul`,{className:`loket-case-list`,children:l.edges.map(({node:e})=>(0,_.jsx)(`li`,{children:(0,_.jsx)(y,{case:e})},e.id))}),(0,_.jsx)(m,{path:`/mijn/zaken`,after:a,pageInfo:l.pageInfo})]}):(0,_.jsx)(s,{})]})}export{S as CasesPage};