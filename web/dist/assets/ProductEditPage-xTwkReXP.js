import{$ as e,A as t,B as n,H as r,I as i,L as a,M as o,P as s,at as c,b as l,ct as u,d,dt as f,et as p,ft as m,gt as h,ht as g,ot as _,pt as v,st as y,tt as b,z as x}from"./index-BoWHM9-R.js";import{t as S}from"./ChoiceGroup-DiAsFPAk.js";import{n as C,t as w}from"./ProductChannelName-Cn4DtuQb.js";import{t as T}from"./usePageQuery-IGS0VNgU.js";import{t as E}from"./ActionError-Dwe0gDLV.js";import{n as D,r as O,t as k}from"./FormFields-vnC_hBtq.js";import{a as A,i as j,o as M,r as N,t as P}from"./productPath-Bkvl2lWO.js";var F=h(g(),1),I=y(),L=o(`
  mutation HideProduct($input: HideProductInput!) {
    hideProduct(input: $input) {
      product {
        id
        hidden
      }
    }
  }
`);function R({code:e,name:t,hidden:a}){let o=(0,F.useId)(),[s,l]=i(L);return(0,I.jsxs)(`section`,{"aria-labelledby":o,className:`loket-panel`,children:[(0,I.jsx)(n,{id:o,children:(0,I.jsx)(c,{id:`console.product.visibility.title`,defaultMessage:`Zichtbaarheid`,description:`Heading: whether residents see the product`})}),(0,I.jsx)(r,{children:(0,I.jsx)(c,{id:`console.product.visibility.now`,defaultMessage:`{name}: {visibility}.`,description:`The product and whether residents see it`,values:{name:t,visibility:(0,I.jsx)(A,{hidden:a})}})}),(0,I.jsx)(E,{error:s.error}),(0,I.jsx)(b,{type:`button`,appearance:`secondary-action-button`,busy:s.fetching,onClick:()=>void l({input:{code:e,hidden:!a}}),children:a?(0,I.jsx)(c,{id:`console.product.offer`,defaultMessage:`Weer aanbieden`,description:`Button: show a hidden product to residents again`}):(0,I.jsx)(c,{id:`console.product.hide`,defaultMessage:`Verbergen voor inwoners`,description:`Button: hide the product from residents`})})]})}var z=o(`
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
`),B=o(`
  query ProductCaseTypes {
    caseTypes {
      code
      name
    }
  }
`),V=o(`
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
`).map(e=>e.trim()).filter(Boolean);return{code:e.code.trim(),name:e.name,...t?{kind:e.kind}:{},...t&&!e.caseType?{}:{caseType:e.caseType},summaryEn:e.summaryEn,description:e.description,conditions:e.conditions,cost:e.cost,delivery:e.delivery,channels:e.channels,onlineLevelOfAssurance:e.onlineLevelOfAssurance||null,searchTerms:[...new Set(n)]}}function G(){let{code:e}=v(),n=_(),i=e?n.formatMessage({id:`console.product.edit`,defaultMessage:`Product wijzigen`,description:`Title of the page that changes a product`}):n.formatMessage({id:`console.product.add`,defaultMessage:`Nieuw product`,description:`Title of the page that adds a product`});return(0,I.jsxs)(I.Fragment,{children:[(0,I.jsx)(s,{children:i}),(0,I.jsx)(r,{children:(0,I.jsx)(t,{to:`/medewerker/catalogus`,children:(0,I.jsx)(c,{id:`console.product.back`,defaultMessage:`Terug naar de catalogus`,description:`Link back to the catalogue list`})})}),e?(0,I.jsx)(K,{code:e}):(0,I.jsx)(q,{initial:H,isNew:!0})]})}function K({code:e}){let{data:t}=T({query:z,variables:{code:e}}),n=t?.product;if(!n)return(0,I.jsx)(d,{});let r={code:n.code,name:n.name,kind:n.kind,caseType:n.caseType??``,summaryEn:n.summaryEn,description:n.description,conditions:n.conditions,cost:n.cost,delivery:n.delivery,channels:n.channels,onlineLevelOfAssurance:n.onlineLevelOfAssurance??``,searchTerms:n.searchTerms.join(`
`)};return(0,I.jsxs)(I.Fragment,{children:[(0,I.jsx)(R,{code:n.code,name:n.name,hidden:n.hidden}),(0,I.jsx)(q,{initial:r,isNew:!1},n.id)]})}function q({initial:t,isNew:n}){let o=(0,F.useId)(),s=m(),u=f(),[d,h]=(0,F.useState)(t),[g,v]=(0,F.useState)(u.state===`added`),[y,T]=i(V),[{data:A}]=a({query:B}),L=_(),R=e=>L.formatMessage(J[e]),z=l(y.error),H=e=>t=>{v(!1),h(n=>({...n,[e]:t}))},G=(e,t)=>H(`channels`)(w.filter(n=>n===e?t:d.channels.includes(n))),K=e=>{e.preventDefault(),T({input:W(d,n)}).then(e=>{let t=e.data?.upsertProduct.product;t&&(n?s(P(t.code),{state:`added`}):v(!0))})},q=A?.caseTypes??[],Y=e=>(0,I.jsx)(O,{label:R(e),name:e,value:d[e],onChange:H(e),error:z.get(e)}),X=e=>(0,I.jsx)(D,{label:R(e),name:e,value:d[e],onChange:H(e),error:z.get(e)});return(0,I.jsxs)(`form`,{className:`loket-form loket-product-form`,noValidate:!0,onSubmit:K,children:[g&&(0,I.jsx)(x,{type:`ok`,role:`status`,children:(0,I.jsx)(r,{children:(0,I.jsx)(c,{id:`console.product.saved`,defaultMessage:`Opgeslagen.`,description:`Confirmation after saving a product`})})}),(0,I.jsx)(E,{error:y.error}),n&&(0,I.jsxs)(I.Fragment,{children:[(0,I.jsx)(O,{label:(0,I.jsx)(j,{name:`code`}),name:`code`,value:d.code,onChange:H(`code`),error:z.get(`code`)}),(0,I.jsx)(k,{label:(0,I.jsx)(j,{name:`kind`}),name:`kind`,value:d.kind,onChange:e=>H(`kind`)(e===`TRANSACTION`?`TRANSACTION`:`INFORMATION`),error:z.get(`kind`),options:N.map(e=>({value:e,label:M(L,e)}))})]}),(0,I.jsx)(O,{label:(0,I.jsx)(j,{name:`name`}),name:`name`,value:d.name,onChange:H(`name`),error:z.get(`name`)}),X(`summaryEn`),X(`description`),X(`conditions`),Y(`cost`),Y(`delivery`),(0,I.jsx)(S,{legend:R(`channels`),error:z.get(`channels`),children:w.map(t=>(0,I.jsxs)(`div`,{className:`loket-choice`,children:[(0,I.jsx)(e,{id:`${o}-${t}`,name:`channels`,value:t,checked:d.channels.includes(t),onChange:e=>G(t,e.target.checked)}),(0,I.jsx)(`label`,{htmlFor:`${o}-${t}`,className:`utrecht-form-label utrecht-form-label--checkbox`,children:(0,I.jsx)(C,{channel:t})})]},t))}),(0,I.jsx)(k,{label:R(`onlineLevelOfAssurance`),name:`onlineLevelOfAssurance`,value:d.onlineLevelOfAssurance,onChange:H(`onlineLevelOfAssurance`),error:z.get(`onlineLevelOfAssurance`),options:[{value:``,label:R(`notOnline`)},...U.map(e=>({value:e,label:R(e)}))]}),(0,I.jsx)(k,{label:R(`caseType`),name:`caseType`,value:d.caseType,onChange:H(`caseType`),error:z.get(`caseType`),options:[{value:``,label:R(`noCaseType`)},...q.map(e=>({value:e.code,label:e.name}))]}),(0,I.jsx)(D,{label:(0,I.jsx)(j,{name:`searchTerms`}),description:R(`searchTermsHelp`),name:`searchTerms`,rows:4,value:d.searchTerms,onChange:H(`searchTerms`),error:z.get(`searchTerms`)}),(0,I.jsx)(p,{children:(0,I.jsx)(b,{type:`submit`,appearance:`primary-action-button`,busy:y.fetching,children:n?(0,I.jsx)(c,{id:`console.product.create`,defaultMessage:`Product toevoegen`,description:`Button: add the new product`}):(0,I.jsx)(c,{id:`console.product.save`,defaultMessage:`Opslaan`,description:`Button: save the product`})})})]})}var J=u({cost:{id:`console.product.cost`,defaultMessage:`Kosten`,description:`Label`},delivery:{id:`console.product.delivery`,defaultMessage:`Levertijd`,description:`Label: how long it takes`},summaryEn:{id:`console.product.summaryEn`,defaultMessage:`Samenvatting in het Engels`,description:`Label`},description:{id:`console.product.description`,defaultMessage:`Omschrijving`,description:`Label: what the product is and how it works`},conditions:{id:`console.product.conditions`,defaultMessage:`Voorwaarden`,description:`Label: who can get it and what to bring`},channels:{id:`console.product.channels`,defaultMessage:`Hoe aan te vragen`,description:`Legend: the channels a product is obtained through`},onlineLevelOfAssurance:{id:`console.product.loa`,defaultMessage:`Inlogniveau online`,description:`Label: the login level needed to ask online`},notOnline:{id:`console.product.loa.none`,defaultMessage:`Niet online`,description:`Option: the product is not obtained online`},low:{id:`console.product.loa.low`,defaultMessage:`Laag (DigiD basis)`,description:`Option: login level`},substantial:{id:`console.product.loa.substantial`,defaultMessage:`Substantieel (DigiD midden)`,description:`Option: login level`},high:{id:`console.product.loa.high`,defaultMessage:`Hoog (DigiD hoog)`,description:`Option: login level`},caseType:{id:`console.product.caseType`,defaultMessage:`Zaaktype van een aanvraag`,description:`Label: the case type a request starts`},noCaseType:{id:`console.product.caseType.none`,defaultMessage:`Geen`,description:`Option: the product starts no case`},searchTermsHelp:{id:`console.product.searchTerms.help`,defaultMessage:`Eén per regel: de woorden die inwoners gebruiken (synoniemen).`,description:`Help under the search terms`}});export{G as ProductEditPage};