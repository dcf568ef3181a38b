import{$ as e,A as t,B as n,C as r,H as i,I as a,L as o,M as s,P as c,at as l,ct as u,dt as d,et as f,ft as p,gt as m,ht as h,m as g,ot as _,pt as v,st as y,tt as b,z as x}from"./index-JCgePl-Z.js";import{t as S}from"./ChoiceGroup-HDEgmI3W.js";import{n as C,t as w}from"./ProductChannelName-BUVRMmJ-.js";import{t as T}from"./usePageQuery-CUWA1Gae.js";import{t as E}from"./ActionError-DOmBo9dS.js";import{n as D,r as O,t as k}from"./FormFields-BCnCWbWs.js";import{a as A,i as j,o as M,r as N,t as P}from"./productPath-NiHrw2Ah.js";var F=m(h(),1),I=y(),L=s(`
  mutation HideProduct($input: HideProductInput!) {
    hideProduct(input: $input) {
      product {
        id
        hidden
      }
    }
  }
`);function R({code:e,name:t,hidden:r}){let o=(0,F.useId)(),[s,c]=a(L);return(0,I.jsxs)(`section`,{"aria-labelledby":o,className:`loket-panel`,children:[(0,I.jsx)(n,{id:o,children:(0,I.jsx)(l,{id:`console.product.visibility.title`,defaultMessage:`Zichtbaarheid`,description:`Heading: whether residents see the product`})}),(0,I.jsx)(i,{children:(0,I.jsx)(l,{id:`console.product.visibility.now`,defaultMessage:`{name}: {visibility}.`,description:`The product and whether residents see it`,values:{name:t,visibility:(0,I.jsx)(A,{hidden:r})}})}),(0,I.jsx)(E,{error:s.error}),(0,I.jsx)(b,{type:`button`,appearance:`secondary-action-button`,busy:s.fetching,onClick:()=>void c({input:{code:e,hidden:!r}}),children:r?(0,I.jsx)(l,{id:`console.product.offer`,defaultMessage:`Weer aanbieden`,description:`Button: show a hidden product to residents again`}):(0,I.jsx)(l,{id:`console.product.hide`,defaultMessage:`Verbergen voor inwoners`,description:`Button: hide the product from residents`})})]})}var z=s(`
  query EditProduct($code: String!) {
    product(code: $code) {
      id
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
      onlineLevelOfAssurance
      searchTerms
      hidden
    }
  }
`),B=s(`
  query ProductCaseTypes {
    caseTypes {
      code
      name
    }
  }
`),V=s(`
  mutation SaveProduct($input: UpsertProductInput!) {
    upsertProduct(input: $input) {
      product {
        id
        code
        name
        caseType
        summaryEn
        description
        conditions
        cost
        delivery
        channels
        onlineLevelOfAssurance
        searchTerms
        hidden
      }
    }
  }
`),H={code:``,name:``,kind:`INFORMATION`,caseType:``,summaryEn:``,description:``,conditions:``,cost:``,delivery:``,channels:[],onlineLevelOfAssurance:``,searchTerms:``},U=[`low`,`substantial`,`high`];function W(e,t){let n=e.searchTerms.split(`
`).map(e=>e.trim()).filter(Boolean);return{code:e.code.trim(),name:e.name,...t?{kind:e.kind}:{},...t&&!e.caseType?{}:{caseType:e.caseType},summaryEn:e.summaryEn,description:e.description,conditions:e.conditions,cost:e.cost,delivery:e.delivery,channels:e.channels,onlineLevelOfAssurance:e.onlineLevelOfAssurance||null,searchTerms:[...new Set(n)]}}function G(){let{code:e}=v(),n=_(),r=e?n.formatMessage({id:`console.product.edit`,defaultMessage:`Product wijzigen`,description:`Title of the page that changes a product`}):n.formatMessage({id:`console.product.add`,defaultMessage:`Nieuw product`,description:`Title of the page that adds a product`});return(0,I.jsxs)(I.Fragment,{children:[(0,I.jsx)(c,{children:r}),(0,I.jsx)(i,{children:(0,I.jsx)(t,{to:`/medewerker/catalogus`,children:(0,I.jsx)(l,{id:`console.product.back`,defaultMessage:`Terug naar de catalogus`,description:`Link back to the catalogue list`})})}),e?(0,I.jsx)(K,{code:e}):(0,I.jsx)(q,{initial:H,isNew:!0})]})}function K({code:e}){let{data:t}=T({query:z,variables:{code:e}}),n=t?.product;if(!n)return(0,I.jsx)(g,{});let r={code:n.code,name:n.name,kind:n.kind,caseType:n.caseType??``,summaryEn:n.summaryEn,description:n.description,conditions:n.conditions,cost:n.cost,delivery:n.delivery,channels:n.channels,onlineLevelOfAssurance:n.onlineLevelOfAssurance??``,searchTerms:n.searchTerms.join(`
`)};return(0,I.jsxs)(I.Fragment,{children:[(0,I.jsx)(R,{code:n.code,name:n.name,hidden:n.hidden}),(0,I.jsx)(q,{initial:r,isNew:!1},n.id)]})}function q({initial:t,isNew:n}){let s=(0,F.useId)(),c=p(),u=d(),[m,h]=(0,F.useState)(t),[g,v]=(0,F.useState)(u.state===`added`),[y,T]=a(V),[{data:A}]=o({query:B}),L=_(),R=e=>L.formatMessage(J[e]),z=r(y.error),H=e=>t=>{v(!1),h(n=>({...n,[e]:t}))},G=(e,t)=>H(`channels`)(w.filter(n=>n===e?t:m.channels.includes(n))),K=e=>{e.preventDefault(),T({input:W(m,n)}).then(e=>{let t=e.data?.upsertProduct.product;t&&(n?c(P(t.code),{state:`added`}):v(!0))})},q=A?.caseTypes??[],Y=e=>(0,I.jsx)(O,{label:R(e),name:e,value:m[e],onChange:H(e),error:z.get(e)}),X=e=>(0,I.jsx)(D,{label:R(e),name:e,value:m[e],onChange:H(e),error:z.get(e)});return(0,I.jsxs)(`form`,{className:`loket-form loket-product-form`,noValidate:!0,onSubmit:K,children:[g&&(0,I.jsx)(x,{type:`ok`,role:`status`,children:(0,I.jsx)(i,{children:(0,I.jsx)(l,{id:`console.product.saved`,defaultMessage:`Opgeslagen.`,description:`Confirmation after saving a product`})})}),(0,I.jsx)(E,{error:y.error}),n&&(0,I.jsxs)(I.Fragment,{children:[(0,I.jsx)(O,{label:(0,I.jsx)(j,{name:`code`}),name:`code`,value:m.code,onChange:H(`code`),error:z.get(`code`)}),(0,I.jsx)(k,{label:(0,I.jsx)(j,{name:`kind`}),name:`kind`,value:m.kind,onChange:e=>H(`kind`)(e===`TRANSACTION`?`TRANSACTION`:`INFORMATION`),error:z.get(`kind`),options:N.map(e=>({value:e,label:M(L,e)}))})]}),(0,I.jsx)(O,{label:(0,I.jsx)(j,{name:`name`}),name:`name`,value:m.name,onChange:H(`name`),error:z.get(`name`)}),X(`summaryEn`),X(`description`),X(`conditions`),Y(`cost`),Y(`delivery`),(0,I.jsx)(S,{legend:R(`channels`),error:z.get(`channels`),children:w.map(t=>(0,I.jsxs)(`div`,{className:`loket-choice`,children:[(0,I.jsx)(e,{id:`${s}-${t}`,name:`channels`,value:t,checked:m.channels.includes(t),onChange:e=>G(t,e.target.checked)}),(0,I.jsx)(`label`,{htmlFor:`${s}-${t}`,className:`utrecht-form-label utrecht-form-label--checkbox`,children:(0,I.jsx)(C,{channel:t})})]},t))}),(0,I.jsx)(k,{label:R(`onlineLevelOfAssurance`),name:`onlineLevelOfAssurance`,value:m.onlineLevelOfAssurance,onChange:H(`onlineLevelOfAssurance`),error:z.get(`onlineLevelOfAssurance`),options:[{value:``,label:R(`notOnline`)},...U.map(e=>({value:e,label:R(e)}))]}),(0,I.jsx)(k,{label:R(`caseType`),name:`caseType`,value:m.caseType,onChange:H(`caseType`),error:z.get(`caseType`),options:[{value:``,label:R(`noCaseType`)},...q.map(e=>({value:e.code,label:e.name}))]}),(0,I.jsx)(D,{label:(0,I.jsx)(j,{name:`searchTerms`}),description:R(`searchTermsHelp`),name:`searchTerms`,rows:4,value:m.searchTerms,onChange:H(`searchTerms`),error:z.get(`searchTerms`)}),(0,I.jsx)(f,{children:(0,I.jsx)(b,{type:`submit`,appearance:`primary-action-button`,busy:y.fetching,children:n?(0,I.jsx)(l,{id:`console.product.create`,defaultMessage:`Product toevoegen`,description:`Button: add the new product`}):(0,I.jsx)(l,{id:`console.product.save`,defaultMessage:`Opslaan`,description:`Button: save the product`})})})]})}var J=u({cost:{id:`console.product.cost`,defaultMessage:`Kosten`,description:`Label`},delivery:{id:`console.product.delivery`,defaultMessage:`Levertijd`,description:`Label: how long it takes`},summaryEn:{id:`console.product.summaryEn`,defaultMessage:`Samenvatting in het Engels`,description:`Label`},description:{id:`console.product.description`,defaultMessage:`Omschrijving`,description:`Label: what the product is and how it works`},conditions:{id:`console.product.conditions`,defaultMessage:`Voorwaarden`,description:`Label: who can get it and what to bring`},channels:{id:`console.product.channels`,defaultMessage:`Hoe aan te vragen`,description:`Legend: the channels a product is obtained through`},onlineLevelOfAssurance:{id:`console.product.loa`,defaultMessage:`Inlogniveau online`,description:`Label: the login level needed to ask online`},notOnline:{id:`console.product.loa.none`,defaultMessage:`Niet online`,description:`Option: the product is not obtained online`},low:{id:`console.product.loa.low`,defaultMessage:`Laag (DigiD basis)`,description:`Option: login level`},substantial:{id:`console.product.loa.substantial`,defaultMessage:`Substantieel (DigiD midden)`,description:`Option: login level`},high:{id:`console.product.loa.high`,defaultMessage:`Hoog (DigiD hoog)`,description:`Option: login level`},caseType:{id:`console.product.caseType`,defaultMessage:`Zaaktype van een aanvraag`,description:`Label: the case type a request starts`},noCaseType:{id:`console.product.caseType.none`,defaultMessage:`Geen`,description:`Option: the product starts no case`},searchTermsHelp:{id:`console.product.searchTerms.help`,defaultMessage:`Eén per regel: de woorden die inwoners gebruiken (synoniemen).`,description:`Help under the search terms`}});export{G as ProductEditPage};