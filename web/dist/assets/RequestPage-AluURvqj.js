import{A as e,B as t,C as n,G as r,I as ee,K as i,L as a,M as o,S as te,V as s,f as c,j as l,k as u,l as d,m as f,n as p,o as m,q as h,s as g,v as _,x as v,y,z as b}from"./index-TB5vsFs-.js";import{n as x,r as S,t as ne}from"./FieldError-ZbqFcBau.js";import{t as re}from"./DateText-BO4PAvwy.js";import{t as ie}from"./usePageQuery-BfRcTO7K.js";var C=h(i(),1);function w(){if(typeof crypto.randomUUID==`function`)return crypto.randomUUID();let e=crypto.getRandomValues(new Uint8Array(16));return Array.from(e,e=>e.toString(16).padStart(2,`0`)).join(``)}function T(e){return(0,C.useMemo)(()=>w(),[e])}var E=s(),D=y(`
  query RequestForm {
    products(first: 100) {
      nodes {
        code
        name
        kind
        caseType
        channels
      }
    }
    me {
      person {
        address {
          id
          street
          houseNumber
          letter
          addition
          postcode
          city
        }
      }
    }
  }
`),O=y(`
  query AddressLookup($postcode: String!, $houseNumber: Int!) {
    address(postcode: $postcode, houseNumber: $houseNumber) {
      id
      street
      houseNumber
      letter
      addition
      postcode
      city
    }
  }
`),k=y(`
  mutation SubmitRequest($input: SubmitRequestInput!) {
    submitRequest(input: $input) {
      bundleId
      replayed
      cases {
        id
        reference
        caseType {
          name
        }
        expectedCompletion
      }
    }
  }
`);function A(){let i=t(),s=te(),[h]=r(),{data:y}=ie({query:D}),[w,A]=(0,C.useState)(()=>new Set(h.getAll(`product`))),[j,M]=(0,C.useState)(`home`),[N,ae]=(0,C.useState)(``),[P,oe]=(0,C.useState)(``),[F,I]=(0,C.useState)(void 0),[L,R]=(0,C.useState)(``),[z,B]=(0,C.useState)(new Map),[V,H]=(0,C.useState)(null),[U,W]=(0,C.useState)(null),[G,K]=(0,C.useState)(!1),q=(0,C.useRef)(!1),[,se]=n(k),J=y?.me.person?.address??null,Y=J?j:`other`,X=Y===`home`?J?.id??null:F?.id??null,Z=(0,C.useMemo)(()=>[...w].sort(),[w]),ce=T(JSON.stringify([Z,X,L.trim()]));if(!y)return(0,E.jsx)(m,{});let le=y.products.nodes.filter(e=>e.kind===`TRANSACTION`&&e.caseType&&e.channels.includes(`ONLINE`));if(U)return(0,E.jsxs)(E.Fragment,{children:[(0,E.jsx)(v,{children:i.formatMessage({id:`request.done.title`,defaultMessage:`We hebben uw aanvraag ontvangen`,description:`Title of the confirmation after asking for products`})}),(0,E.jsx)(u,{children:(0,E.jsx)(b,{id:`request.done.text`,defaultMessage:`{count, plural, one {U hebt 1 product aangevraagd. Dit is het zaaknummer:} other {U hebt # producten aangevraagd. Elk heeft een eigen zaaknummer:}}`,description:`Confirmation text before the list of references`,values:{count:U.cases.length}})}),(0,E.jsx)(`ul`,{className:`loket-confirmation`,children:U.cases.map(e=>(0,E.jsxs)(`li`,{className:`loket-confirmation__case`,children:[(0,E.jsx)(`strong`,{className:`loket-confirmation__reference`,children:e.reference}),` `,(0,E.jsx)(`span`,{lang:`nl`,children:e.caseType.name}),(0,E.jsx)(`br`,{}),(0,E.jsx)(b,{id:`request.done.expected`,defaultMessage:`U hoort uiterlijk {date} wat we besluiten.`,description:`When a decision is expected, in the confirmation`,values:{date:(0,E.jsx)(re,{value:e.expectedCompletion})}}),` `,(0,E.jsx)(_,{to:`/mijn/zaken/${encodeURIComponent(e.reference)}`,children:(0,E.jsx)(b,{id:`request.done.follow`,defaultMessage:`Volg {reference}`,description:`Link to follow one case from the confirmation`,values:{reference:e.reference}})})]},e.id))}),(0,E.jsx)(u,{children:(0,E.jsx)(_,{to:`/mijn/zaken`,children:(0,E.jsx)(b,{id:`request.done.all`,defaultMessage:`Naar al uw zaken`,description:`Link to my cases from the confirmation`})})})]});async function ue(){let e=Number.parseInt(P,10),t=N.replace(/\s+/g,``).toUpperCase(),n=new Map(z);if(n.delete(`addressId`),!/^[1-9][0-9]{3}[A-Z]{2}$/.test(t)||!Number.isFinite(e)){n.set(`postcode`,`client`),B(n),I(void 0);return}n.delete(`postcode`),B(n);let r=await s.query(O,{postcode:t,houseNumber:e}).toPromise();I(r.data?.address??null)}async function Q(e){if(e.preventDefault(),q.current)return;let t=new Map;if(Z.length===0&&t.set(`products`,`client`),X||t.set(`addressId`,`client`),B(t),H(null),t.size>0)return;q.current=!0,K(!0);let n=await se({input:{products:Z,idempotencyKey:ce,addressId:X,description:L.trim()||null}});q.current=!1,K(!1),n.data?W(n.data.submitRequest):n.error&&(B(c(n.error)),H(n.error))}let $=e=>{let t=z.get(e);if(t){if(t!==`client`)return(0,E.jsx)(ne,{message:t});switch(e){case`products`:return(0,E.jsx)(b,{id:`request.error.products`,defaultMessage:`Kies ten minste één product.`,description:`Error: nothing chosen`});case`postcode`:return(0,E.jsx)(b,{id:`request.error.postcode`,defaultMessage:`Vul een postcode in zoals 1234 AB en een huisnummer.`,description:`Error: postcode or house number not valid`});default:return(0,E.jsx)(b,{id:`request.error.address`,defaultMessage:`Kies uw eigen adres of zoek een ander adres op.`,description:`Error: no address chosen`})}}},de=V&&!f(V).every(e=>e instanceof d&&e.field);return(0,E.jsxs)(E.Fragment,{children:[(0,E.jsx)(v,{children:i.formatMessage({id:`request.title`,defaultMessage:`Aanvragen`,description:`Title of the page to ask for products`})}),(0,E.jsx)(u,{children:(0,E.jsx)(b,{id:`request.lead`,defaultMessage:`Hebt u meer nodig, bijvoorbeeld een bouwvergunning en een uitrit? Vraag alles in één keer aan. Elk product krijgt een eigen zaaknummer.`,description:`Introduction on the request page`})}),de&&V&&(0,E.jsx)(g,{error:f(V)[0]??new d(``),action:(0,E.jsx)(a,{type:`submit`,form:`request-form`,appearance:`secondary-action-button`,children:(0,E.jsx)(b,{id:`request.retry`,defaultMessage:`Probeer het opnieuw`,description:`Button to send the same request again`})})}),(0,E.jsxs)(`form`,{id:`request-form`,className:`loket-form`,noValidate:!0,onSubmit:e=>void Q(e),children:[(0,E.jsx)(S,{legend:i.formatMessage({id:`request.products`,defaultMessage:`Wat wilt u aanvragen?`,description:`Legend of the product checkboxes`}),description:i.formatMessage({id:`request.products.hint`,defaultMessage:`U kunt meer dan één product kiezen.`,description:`Help under the product checkboxes`}),error:$(`products`),children:le.map(e=>(0,E.jsxs)(`div`,{className:`loket-choice`,children:[(0,E.jsx)(ee,{id:`product-${e.code}`,name:`products`,value:e.code,checked:w.has(e.code),onChange:t=>{let n=new Set(w);t.target.checked?n.add(e.code):n.delete(e.code),A(n)}}),(0,E.jsx)(`label`,{htmlFor:`product-${e.code}`,className:`utrecht-form-label utrecht-form-label--checkbox`,lang:`nl`,children:e.name})]},e.code))}),(0,E.jsxs)(S,{legend:i.formatMessage({id:`request.place`,defaultMessage:`Over welk adres gaat het?`,description:`Legend of the address choice`}),error:$(`addressId`),children:[J&&(0,E.jsxs)(`div`,{className:`loket-choice`,children:[(0,E.jsx)(l,{id:`place-home`,name:`place`,value:`home`,checked:Y===`home`,onChange:()=>M(`home`)}),(0,E.jsx)(`label`,{htmlFor:`place-home`,className:`utrecht-form-label utrecht-form-label--radio`,children:(0,E.jsx)(b,{id:`request.place.home`,defaultMessage:`Mijn adres: {address}`,description:`Radio: the resident's own address`,values:{address:p(J)}})})]}),(0,E.jsxs)(`div`,{className:`loket-choice`,children:[(0,E.jsx)(l,{id:`place-other`,name:`place`,value:`other`,checked:Y===`other`,onChange:()=>M(`other`)}),(0,E.jsx)(`label`,{htmlFor:`place-other`,className:`utrecht-form-label utrecht-form-label--radio`,children:(0,E.jsx)(b,{id:`request.place.other`,defaultMessage:`Een ander adres`,description:`Radio: another address`})})]}),Y===`other`&&(0,E.jsxs)(`div`,{className:`loket-address-lookup`,children:[(0,E.jsx)(x,{label:i.formatMessage({id:`request.postcode`,defaultMessage:`Postcode`,description:`Label`}),error:$(`postcode`),children:({invalid:e,...t})=>(0,E.jsx)(o,{...t,invalid:e,name:`postcode`,autoComplete:`postal-code`,value:N,onChange:e=>ae(e.target.value)})}),(0,E.jsx)(x,{label:i.formatMessage({id:`request.houseNumber`,defaultMessage:`Huisnummer`,description:`Label`}),children:({invalid:e,...t})=>(0,E.jsx)(o,{...t,invalid:e,name:`huisnummer`,inputMode:`numeric`,value:P,onChange:e=>oe(e.target.value)})}),(0,E.jsx)(a,{type:`button`,appearance:`secondary-action-button`,onClick:()=>void ue(),children:(0,E.jsx)(b,{id:`request.lookUp`,defaultMessage:`Zoek adres`,description:`Button to look up an address`})}),(0,E.jsxs)(`p`,{role:`status`,className:`loket-address-lookup__result`,children:[F===null&&(0,E.jsx)(b,{id:`request.notFound`,defaultMessage:`We vinden dit adres niet. Kijk of de postcode en het huisnummer kloppen.`,description:`Address look-up found nothing`}),F&&(0,E.jsx)(b,{id:`request.found`,defaultMessage:`Gevonden: {address}`,description:`Address look-up result`,values:{address:p(F)}})]})]})]}),(0,E.jsx)(x,{label:i.formatMessage({id:`request.description`,defaultMessage:`Wat wilt u doen?`,description:`Label of the description`}),description:i.formatMessage({id:`request.description.hint`,defaultMessage:`Beschrijf het kort in uw eigen woorden. Bijvoorbeeld: een uitbouw aan de achterkant en een uitrit naar de straat.`,description:`Help under the description`}),error:$(`description`),children:({invalid:t,...n})=>(0,E.jsx)(e,{...n,invalid:t,name:`description`,rows:4,maxLength:4e3,value:L,onChange:e=>R(e.target.value)})}),(0,E.jsx)(a,{type:`submit`,appearance:`primary-action-button`,busy:G,"aria-disabled":G||void 0,children:(0,E.jsx)(b,{id:`request.send`,defaultMessage:`Aanvraag versturen`,description:`Submit button of the request form`})})]})]})}export{A as RequestPage};