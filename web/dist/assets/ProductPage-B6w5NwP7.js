import{A as e,B as t,H as n,M as r,P as i,at as a,m as o,p as s,pt as c,st as l}from"./index-JmBejCR2.js";import{t as u}from"./usePageQuery-BfMzKHnp.js";var d=l(),f=r(`
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
`);function p({channel:e}){switch(e){case`ONLINE`:return(0,d.jsx)(a,{id:`product.channel.online`,defaultMessage:`online`,description:`How a product can be obtained`});case`PHONE`:return(0,d.jsx)(a,{id:`product.channel.phone`,defaultMessage:`telefonisch`,description:`How a product can be obtained`});case`COUNTER`:return(0,d.jsx)(a,{id:`product.channel.counter`,defaultMessage:`aan de balie`,description:`How a product can be obtained`});case`COUNTER_BY_APPOINTMENT`:return(0,d.jsx)(a,{id:`product.channel.appointment`,defaultMessage:`aan de balie, op afspraak`,description:`How a product can be obtained`});default:return e}}function m(){let{locale:r}=s(),{code:l=``}=c(),{data:m}=u({query:f,variables:{code:l}}),h=m?.product;if(!h)return(0,d.jsx)(o,{});let g=h.kind===`TRANSACTION`&&h.caseType&&h.channels.includes(`ONLINE`);return(0,d.jsxs)(`article`,{className:`loket-product`,lang:`nl`,children:[(0,d.jsx)(i,{children:h.name}),r===`en`&&(0,d.jsx)(n,{appearance:`lead`,lang:`en`,children:h.summaryEn}),(0,d.jsx)(n,{children:h.description}),(0,d.jsx)(t,{lang:r,children:(0,d.jsx)(a,{id:`product.conditions`,defaultMessage:`Voorwaarden`,description:`Heading: who can get the product`})}),(0,d.jsx)(n,{children:h.conditions}),(0,d.jsxs)(`dl`,{className:`loket-facts`,lang:r,children:[(0,d.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,d.jsx)(`dt`,{children:(0,d.jsx)(a,{id:`product.cost`,defaultMessage:`Kosten`,description:`Label of a product's cost`})}),(0,d.jsx)(`dd`,{lang:`nl`,children:h.cost})]}),(0,d.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,d.jsx)(`dt`,{children:(0,d.jsx)(a,{id:`product.delivery`,defaultMessage:`Hoe lang duurt het?`,description:`Label of a product's delivery time`})}),(0,d.jsx)(`dd`,{lang:`nl`,children:h.delivery})]}),(0,d.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,d.jsx)(`dt`,{children:(0,d.jsx)(a,{id:`product.how`,defaultMessage:`Aanvragen kan`,description:`Label of the channels a product can be obtained through`})}),(0,d.jsx)(`dd`,{className:`loket-list-inline`,children:h.channels.map(e=>(0,d.jsx)(`span`,{className:`loket-list-inline__item`,children:(0,d.jsx)(p,{channel:e})},e))})]})]}),g&&(0,d.jsx)(n,{lang:r,children:(0,d.jsx)(e,{to:`/aanvragen?product=${encodeURIComponent(h.code)}`,className:`utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action loket-button-link`,children:(0,d.jsx)(a,{id:`product.request`,defaultMessage:`Online aanvragen`,description:`Button on a product page`})})})]})}export{m as ProductPage};