import{A as e,B as t,H as n,M as r,P as i,at as a,d as o,pt as s,st as c,u as l}from"./index-BecHQAow.js";import{n as u}from"./ProductChannelName-BI-ZExgY.js";import{t as d}from"./usePageQuery-B80kpKgM.js";var f=c(),p=r(`
  query Product($code: String!) {
    product(code: $code) {
      code
      name
      kind
      caseType
      summaryEn
      description
      conditions
      cost
      delivery
      channels
    }
  }
`);function m(){let{locale:r}=l(),{code:c=``}=s(),{data:m}=d({query:p,variables:{code:c}}),h=m?.product;if(!h)return(0,f.jsx)(o,{});let g=h.kind===`TRANSACTION`&&h.caseType&&h.channels.includes(`ONLINE`);return(0,f.jsxs)(`article`,{className:`loket-product`,lang:`nl`,children:[(0,f.jsx)(i,{children:h.name}),r===`en`&&(0,f.jsx)(n,{appearance:`lead`,lang:`en`,children:h.summaryEn}),(0,f.jsx)(n,{children:h.description}),(0,f.jsx)(t,{lang:r,children:(0,f.jsx)(a,{id:`product.conditions`,defaultMessage:`Voorwaarden`,description:`Heading: who can get the product`})}),(0,f.jsx)(n,{children:h.conditions}),(0,f.jsxs)(`dl`,{className:`loket-facts`,lang:r,children:[(0,f.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,f.jsx)(`dt`,{children:(0,f.jsx)(a,{id:`product.cost`,defaultMessage:`Kosten`,description:`Label of a product's cost`})}),(0,f.jsx)(`dd`,{lang:`nl`,children:h.cost})]}),(0,f.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,f.jsx)(`dt`,{children:(0,f.jsx)(a,{id:`product.delivery`,defaultMessage:`Hoe lang duurt het?`,description:`Label of a product's delivery time`})}),(0,f.jsx)(`dd`,{lang:`nl`,children:h.delivery})]}),(0,f.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,f.jsx)(`dt`,{children:(0,f.jsx)(a,{id:`product.how`,defaultMessage:`Aanvragen kan`,description:`Label of the channels a product can be obtained through`})}),(0,f.jsx)(`dd`,{className:`loket-list-inline`,children:h.channels.map(e=>(0,f.jsx)(`span`,{className:`loket-list-inline__item`,children:(0,f.jsx)(u,{channel:e})},e))})]})]}),h.channels.includes(`COUNTER_BY_APPOINTMENT`)&&(0,f.jsx)(n,{lang:r,children:(0,f.jsx)(e,{to:`/afspraak?product=${encodeURIComponent(h.code)}`,className:`utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action loket-button-link`,children:(0,f.jsx)(a,{id:`product.appointment`,defaultMessage:`Afspraak maken`,description:`Button on a product page: book an appointment at the counter for it`})})}),g&&(0,f.jsx)(n,{lang:r,children:(0,f.jsx)(e,{to:`/aanvragen?product=${encodeURIComponent(h.code)}`,className:`utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action loket-button-link`,children:(0,f.jsx)(a,{id:`product.request`,defaultMessage:`Online aanvragen`,description:`Button on a product page`})})})]})}export{m as ProductPage};