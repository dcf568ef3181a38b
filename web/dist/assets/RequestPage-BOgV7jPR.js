import{$ as e,A as t,F as n,G as r,H as i,I as a,K as o,M as s,O as c,P as l,S as u,at as d,b as ee,d as te,f,g as p,gt as m,ht as h,mt as g,ot as _,q as v,st as y,tt as b}from"./index-O6ds82Gf.js";import{t as x}from"./ChoiceGroup-v_QH0Y1a.js";import{t as ne}from"./DateText-cpzjam0R.js";import{t as S}from"./Field-U94t6BCH.js";import{t as C}from"./FieldError-O2yAcbjl.js";import{t as w}from"./useIdempotencyKey-iEMD_Cvt.js";import{t as T}from"./usePageQuery-D6WSTs2L.js";var E=m(h(),1),D=y(),O=s(`
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
`),k=s(`
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
`),A=s(`
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
`);function j(){let s=_(),m=n(),[h]=g(),{data:y}=T({query:O}),[j,re]=(0,E.useState)(()=>new Set(h.getAll(`product`))),[ie,M]=(0,E.useState)(`home`),[N,ae]=(0,E.useState)(``),[P,oe]=(0,E.useState)(``),[F,I]=(0,E.useState)(void 0),[L,R]=(0,E.useState)(``),[z,B]=(0,E.useState)(new Map),[V,H]=(0,E.useState)(null),[U,W]=(0,E.useState)(null),[G,K]=(0,E.useState)(!1),q=(0,E.useRef)(!1),[,se]=a(A),J=y?.me.person?.address??null,Y=J?ie:`other`,X=Y===`home`?J?.id??null:F?.id??null,Z=(0,E.useMemo)(()=>[...j].sort(),[j]),ce=w(JSON.stringify([Z,X,L.trim()]));if(!y)return(0,D.jsx)(te,{});let le=y.products.nodes.filter(e=>e.kind===`TRANSACTION`&&e.caseType&&e.channels.includes(`ONLINE`));if(U)return(0,D.jsxs)(D.Fragment,{children:[(0,D.jsx)(l,{children:s.formatMessage({id:`request.done.title`,defaultMessage:`We hebben uw aanvraag ontvangen`,description:`Title of the confirmation after asking for products`})}),(0,D.jsx)(i,{children:(0,D.jsx)(d,{id:`request.done.text`,defaultMessage:`{count, plural, one {U hebt 1 product aangevraagd. Dit is het zaaknummer:} other {U hebt # producten aangevraagd. Elk heeft een eigen zaaknummer:}}`,description:`Confirmation text before the list of references`,values:{count:U.cases.length}})}),(0,D.jsx)(`ul`,{className:`loket-confirmation`,children:U.cases.map(e=>(0,D.jsxs)(`li`,{className:`loket-confirmation__case`,children:[(0,D.jsx)(`strong`,{className:`loket-confirmation__reference`,children:e.reference}),` `,(0,D.jsx)(`span`,{lang:`nl`,children:e.caseType.name}),(0,D.jsx)(`br`,{}),(0,D.jsx)(d,{id:`request.done.expected`,defaultMessage:`U hoort uiterlijk {date} wat we besluiten.`,description:`When a decision is expected, in the confirmation`,values:{date:(0,D.jsx)(ne,{value:e.expectedCompletion})}}),` `,(0,D.jsx)(t,{to:`/mijn/zaken/${encodeURIComponent(e.reference)}`,children:(0,D.jsx)(d,{id:`request.done.follow`,defaultMessage:`Volg {reference}`,description:`Link to follow one case from the confirmation`,values:{reference:e.reference}})})]},e.id))}),(0,D.jsx)(i,{children:(0,D.jsx)(t,{to:`/mijn/zaken`,children:(0,D.jsx)(d,{id:`request.done.all`,defaultMessage:`Naar al uw zaken`,description:`Link to my cases from the confirmation`})})})]});async function ue(){let e=Number.parseInt(P,10),t=N.replace(/\s+/g,``).toUpperCase(),n=new Map(z);if(n.delete(`addressId`),!/^[1-9][0-9]{3}[A-Z]{2}$/.test(t)||!Number.isFinite(e)){n.set(`postcode`,`client`),B(n),I(void 0);return}n.delete(`postcode`),B(n);let r=await m.query(k,{postcode:t,houseNumber:e}).toPromise();I(r.data?.address??null)}async function Q(e){if(e.preventDefault(),q.current)return;let t=new Map;if(Z.length===0&&t.set(`products`,`client`),X||t.set(`addressId`,`client`),B(t),H(null),t.size>0)return;q.current=!0,K(!0);let n=await se({input:{products:Z,idempotencyKey:ce,addressId:X,description:L.trim()||null}});q.current=!1,K(!1),n.data?W(n.data.submitRequest):n.error&&(B(ee(n.error)),H(n.error))}let $=e=>{let t=z.get(e);if(t){if(t!==`client`)return(0,D.jsx)(C,{message:t});switch(e){case`products`:return(0,D.jsx)(d,{id:`request.error.products`,defaultMessage:`Kies ten minste één product.`,description:`Error: nothing chosen`});case`postcode`:return(0,D.jsx)(d,{id:`request.error.postcode`,defaultMessage:`Vul een postcode in zoals 1234 AB en een huisnummer.`,description:`Error: postcode or house number not valid`});default:return(0,D.jsx)(d,{id:`request.error.address`,defaultMessage:`Kies uw eigen adres of zoek een ander adres op.`,description:`Error: no address chosen`})}}},de=V&&!u(V).every(e=>e instanceof p&&e.field);return(0,D.jsxs)(D.Fragment,{children:[(0,D.jsx)(l,{children:s.formatMessage({id:`request.title`,defaultMessage:`Aanvragen`,description:`Title of the page to ask for products`})}),(0,D.jsx)(i,{children:(0,D.jsx)(d,{id:`request.lead`,defaultMessage:`Hebt u meer nodig, bijvoorbeeld een bouwvergunning en een uitrit? Vraag alles in één keer aan. Elk product krijgt een eigen zaaknummer.`,description:`Introduction on the request page`})}),de&&V&&(0,D.jsx)(f,{error:u(V)[0]??new p(``),action:(0,D.jsx)(b,{type:`submit`,form:`request-form`,appearance:`secondary-action-button`,children:(0,D.jsx)(d,{id:`request.retry`,defaultMessage:`Probeer het opnieuw`,description:`Button to send the same request again`})})}),(0,D.jsxs)(`form`,{id:`request-form`,className:`loket-form`,noValidate:!0,onSubmit:e=>void Q(e),children:[(0,D.jsx)(x,{legend:s.formatMessage({id:`request.products`,defaultMessage:`Wat wilt u aanvragen?`,description:`Legend of the product checkboxes`}),description:s.formatMessage({id:`request.products.hint`,defaultMessage:`U kunt meer dan één product kiezen.`,description:`Help under the product checkboxes`}),error:$(`products`),children:le.map(t=>(0,D.jsxs)(`div`,{className:`loket-choice`,children:[(0,D.jsx)(e,{id:`product-${t.code}`,name:`products`,value:t.code,checked:j.has(t.code),onChange:e=>{let n=new Set(j);e.target.checked?n.add(t.code):n.delete(t.code),re(n)}}),(0,D.jsx)(`label`,{htmlFor:`product-${t.code}`,className:`utrecht-form-label utrecht-form-label--checkbox`,lang:`nl`,children:t.name})]},t.code))}),(0,D.jsxs)(x,{legend:s.formatMessage({id:`request.place`,defaultMessage:`Over welk adres gaat het?`,description:`Legend of the address choice`}),error:$(`addressId`),children:[J&&(0,D.jsxs)(`div`,{className:`loket-choice`,children:[(0,D.jsx)(o,{id:`place-home`,name:`place`,value:`home`,checked:Y===`home`,onChange:()=>M(`home`)}),(0,D.jsx)(`label`,{htmlFor:`place-home`,className:`utrecht-form-label utrecht-form-label--radio`,children:(0,D.jsx)(d,{id:`request.place.home`,defaultMessage:`Mijn adres: {address}`,description:`Radio: the resident's own address`,values:{address:c(J)}})})]}),(0,D.jsxs)(`div`,{className:`loket-choice`,children:[(0,D.jsx)(o,{id:`place-other`,name:`place`,value:`other`,checked:Y===`other`,onChange:()=>M(`other`)}),(0,D.jsx)(`label`,{htmlFor:`place-other`,className:`utrecht-form-label utrecht-form-label--radio`,children:(0,D.jsx)(d,{id:`request.place.other`,defaultMessage:`Een ander adres`,description:`Radio: another address`})})]}),Y===`other`&&(0,D.jsxs)(`div`,{className:`loket-address-lookup`,children:[(0,D.jsx)(S,{label:s.formatMessage({id:`request.postcode`,defaultMessage:`Postcode`,description:`Label`}),error:$(`postcode`),children:({invalid:e,...t})=>(0,D.jsx)(v,{...t,invalid:e,name:`postcode`,autoComplete:`postal-code`,value:N,onChange:e=>ae(e.target.value)})}),(0,D.jsx)(S,{label:s.formatMessage({id:`request.houseNumber`,defaultMessage:`Huisnummer`,description:`Label`}),children:({invalid:e,...t})=>(0,D.jsx)(v,{...t,invalid:e,name:`huisnummer`,inputMode:`numeric`,value:P,onChange:e=>oe(e.target.value)})}),(0,D.jsx)(b,{type:`button`,appearance:`secondary-action-button`,onClick:()=>void ue(),children:(0,D.jsx)(d,{id:`request.lookUp`,defaultMessage:`Zoek adres`,description:`Button to look up an address`})}),(0,D.jsxs)(`p`,{role:`status`,className:`loket-address-lookup__result`,children:[F===null&&(0,D.jsx)(d,{id:`request.notFound`,defaultMessage:`We vinden dit adres niet. Kijk of de postcode en het huisnummer kloppen.`,description:`Address look-up found nothing`}),F&&(0,D.jsx)(d,{id:`request.found`,defaultMessage:`Gevonden: {address}`,description:`Address look-up result`,values:{address:c(F)}})]})]})]}),(0,D.jsx)(S,{label:s.formatMessage({id:`request.description`,defaultMessage:`Wat wilt u doen?`,description:`Label of the description`}),description:s.formatMessage({id:`request.description.hint`,defaultMessage:`Beschrijf het kort in uw eigen woorden. Bijvoorbeeld: een uitbouw aan de achterkant en een uitrit naar de straat.`,description:`Help under the description`}),error:$(`description`),children:({invalid:e,...t})=>(0,D.jsx)(r,{...t,invalid:e,name:`description`,rows:4,maxLength:4e3,value:L,onChange:e=>R(e.target.value)})}),(0,D.jsx)(b,{type:`submit`,appearance:`primary-action-button`,busy:G,"aria-disabled":G||void 0,children:(0,D.jsx)(d,{id:`request.send`,defaultMessage:`Aanvraag versturen`,description:`Submit button of the request form`})})]})]})}export{j as RequestPage};