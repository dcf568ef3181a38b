import{A as e,F as t,G as n,H as r,I as ee,K as i,M as a,O as o,P as s,S as c,at as l,b as te,d as ne,f as u,g as d,gt as f,ht as p,mt as m,ot as h,q as g,st as _,tt as v}from"./index-BoWHM9-R.js";import{t as y}from"./ChoiceGroup-DiAsFPAk.js";import{t as re}from"./DateText-C8ouzo8M.js";import{t as b}from"./Field-c_iBCutW.js";import{t as x}from"./FieldError-CCtURuME.js";import{t as S}from"./ProductChecks-CEwXyp_7.js";import{t as C}from"./useIdempotencyKey-Dw2KEGtS.js";import{t as w}from"./usePageQuery-IGS0VNgU.js";var T=f(p(),1),E=_(),D=a(`
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
`),O=a(`
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
`),k=a(`
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
`);function A(){let a=h(),f=t(),[p]=m(),{data:_}=w({query:D}),[A,ie]=(0,T.useState)(()=>new Set(p.getAll(`product`))),[ae,j]=(0,T.useState)(`home`),[M,oe]=(0,T.useState)(``),[N,P]=(0,T.useState)(``),[F,I]=(0,T.useState)(void 0),[L,R]=(0,T.useState)(``),[z,B]=(0,T.useState)(new Map),[V,H]=(0,T.useState)(null),[U,W]=(0,T.useState)(null),[G,K]=(0,T.useState)(!1),q=(0,T.useRef)(!1),[,se]=ee(k),J=_?.me.person?.address??null,Y=J?ae:`other`,X=Y===`home`?J?.id??null:F?.id??null,Z=(0,T.useMemo)(()=>[...A].sort(),[A]),ce=C(JSON.stringify([Z,X,L.trim()]));if(!_)return(0,E.jsx)(ne,{});let le=_.products.nodes.filter(e=>e.kind===`TRANSACTION`&&e.caseType&&e.channels.includes(`ONLINE`));if(U)return(0,E.jsxs)(E.Fragment,{children:[(0,E.jsx)(s,{children:a.formatMessage({id:`request.done.title`,defaultMessage:`We hebben uw aanvraag ontvangen`,description:`Title of the confirmation after asking for products`})}),(0,E.jsx)(r,{children:(0,E.jsx)(l,{id:`request.done.text`,defaultMessage:`{count, plural, one {U hebt 1 product aangevraagd. Dit is het zaaknummer:} other {U hebt # producten aangevraagd. Elk heeft een eigen zaaknummer:}}`,description:`Confirmation text before the list of references`,values:{count:U.cases.length}})}),(0,E.jsx)(`ul`,{className:`loket-confirmation`,children:U.cases.map(t=>(0,E.jsxs)(`li`,{className:`loket-confirmation__case`,children:[(0,E.jsx)(`strong`,{className:`loket-confirmation__reference`,children:t.reference}),` `,(0,E.jsx)(`span`,{lang:`nl`,children:t.caseType.name}),(0,E.jsx)(`br`,{}),(0,E.jsx)(l,{id:`request.done.expected`,defaultMessage:`U hoort uiterlijk {date} wat we besluiten.`,description:`When a decision is expected, in the confirmation`,values:{date:(0,E.jsx)(re,{value:t.expectedCompletion})}}),` `,(0,E.jsx)(e,{to:`/mijn/zaken/${encodeURIComponent(t.reference)}`,children:(0,E.jsx)(l,{id:`request.done.follow`,defaultMessage:`Volg {reference}`,description:`Link to follow one case from the confirmation`,values:{reference:t.reference}})})]},t.id))}),(0,E.jsx)(r,{children:(0,E.jsx)(e,{to:`/mijn/zaken`,children:(0,E.jsx)(l,{id:`request.done.all`,defaultMessage:`Naar al uw zaken`,description:`Link to my cases from the confirmation`})})})]});async function ue(){let e=Number.parseInt(N,10),t=M.replace(/\s+/g,``).toUpperCase(),n=new Map(z);if(n.delete(`addressId`),!/^[1-9][0-9]{3}[A-Z]{2}$/.test(t)||!Number.isFinite(e)){n.set(`postcode`,`client`),B(n),I(void 0);return}n.delete(`postcode`),B(n);let r=await f.query(O,{postcode:t,houseNumber:e}).toPromise();I(r.data?.address??null)}async function Q(e){if(e.preventDefault(),q.current)return;let t=new Map;if(Z.length===0&&t.set(`products`,`client`),X||t.set(`addressId`,`client`),B(t),H(null),t.size>0)return;q.current=!0,K(!0);let n=await se({input:{products:Z,idempotencyKey:ce,addressId:X,description:L.trim()||null}});q.current=!1,K(!1),n.data?W(n.data.submitRequest):n.error&&(B(te(n.error)),H(n.error))}let $=e=>{let t=z.get(e);if(t){if(t!==`client`)return(0,E.jsx)(x,{message:t});switch(e){case`products`:return(0,E.jsx)(l,{id:`request.error.products`,defaultMessage:`Kies ten minste één product.`,description:`Error: nothing chosen`});case`postcode`:return(0,E.jsx)(l,{id:`request.error.postcode`,defaultMessage:`Vul een postcode in zoals 1234 AB en een huisnummer.`,description:`Error: postcode or house number not valid`});default:return(0,E.jsx)(l,{id:`request.error.address`,defaultMessage:`Kies uw eigen adres of zoek een ander adres op.`,description:`Error: no address chosen`})}}},de=V&&!c(V).every(e=>e instanceof d&&e.field);return(0,E.jsxs)(E.Fragment,{children:[(0,E.jsx)(s,{children:a.formatMessage({id:`request.title`,defaultMessage:`Aanvragen`,description:`Title of the page to ask for products`})}),(0,E.jsx)(r,{children:(0,E.jsx)(l,{id:`request.lead`,defaultMessage:`Hebt u meer nodig, bijvoorbeeld een bouwvergunning en een uitrit? Vraag alles in één keer aan. Elk product krijgt een eigen zaaknummer.`,description:`Introduction on the request page`})}),de&&V&&(0,E.jsx)(u,{error:c(V)[0]??new d(``),action:(0,E.jsx)(v,{type:`submit`,form:`request-form`,appearance:`secondary-action-button`,children:(0,E.jsx)(l,{id:`request.retry`,defaultMessage:`Probeer het opnieuw`,description:`Button to send the same request again`})})}),(0,E.jsxs)(`form`,{id:`request-form`,className:`loket-form`,noValidate:!0,onSubmit:e=>void Q(e),children:[(0,E.jsx)(y,{legend:a.formatMessage({id:`request.products`,defaultMessage:`Wat wilt u aanvragen?`,description:`Legend of the product checkboxes`}),description:a.formatMessage({id:`request.products.hint`,defaultMessage:`U kunt meer dan één product kiezen.`,description:`Help under the product checkboxes`}),error:$(`products`),children:(0,E.jsx)(S,{products:le,selected:A,idPrefix:`product`,onChange:ie})}),(0,E.jsxs)(y,{legend:a.formatMessage({id:`request.place`,defaultMessage:`Over welk adres gaat het?`,description:`Legend of the address choice`}),error:$(`addressId`),children:[J&&(0,E.jsxs)(`div`,{className:`loket-choice`,children:[(0,E.jsx)(i,{id:`place-home`,name:`place`,value:`home`,checked:Y===`home`,onChange:()=>j(`home`)}),(0,E.jsx)(`label`,{htmlFor:`place-home`,className:`utrecht-form-label utrecht-form-label--radio`,children:(0,E.jsx)(l,{id:`request.place.home`,defaultMessage:`Mijn adres: {address}`,description:`Radio: the resident's own address`,values:{address:o(J)}})})]}),(0,E.jsxs)(`div`,{className:`loket-choice`,children:[(0,E.jsx)(i,{id:`place-other`,name:`place`,value:`other`,checked:Y===`other`,onChange:()=>j(`other`)}),(0,E.jsx)(`label`,{htmlFor:`place-other`,className:`utrecht-form-label utrecht-form-label--radio`,children:(0,E.jsx)(l,{id:`request.place.other`,defaultMessage:`Een ander adres`,description:`Radio: another address`})})]}),Y===`other`&&(0,E.jsxs)(`div`,{className:`loket-address-lookup`,children:[(0,E.jsx)(b,{label:a.formatMessage({id:`request.postcode`,defaultMessage:`Postcode`,description:`Label`}),error:$(`postcode`),children:({invalid:e,...t})=>(0,E.jsx)(g,{...t,invalid:e,name:`postcode`,autoComplete:`postal-code`,value:M,onChange:e=>oe(e.target.value)})}),(0,E.jsx)(b,{label:a.formatMessage({id:`request.houseNumber`,defaultMessage:`Huisnummer`,description:`Label`}),children:({invalid:e,...t})=>(0,E.jsx)(g,{...t,invalid:e,name:`huisnummer`,inputMode:`numeric`,value:N,onChange:e=>P(e.target.value)})}),(0,E.jsx)(v,{type:`button`,appearance:`secondary-action-button`,onClick:()=>void ue(),children:(0,E.jsx)(l,{id:`request.lookUp`,defaultMessage:`Zoek adres`,description:`Button to look up an address`})}),(0,E.jsxs)(`p`,{role:`status`,className:`loket-address-lookup__result`,children:[F===null&&(0,E.jsx)(l,{id:`request.notFound`,defaultMessage:`We vinden dit adres niet. Kijk of de postcode en het huisnummer kloppen.`,description:`Address look-up found nothing`}),F&&(0,E.jsx)(l,{id:`request.found`,defaultMessage:`Gevonden: {address}`,description:`Address look-up result`,values:{address:o(F)}})]})]})]}),(0,E.jsx)(b,{label:a.formatMessage({id:`request.description`,defaultMessage:`Wat wilt u doen?`,description:`Label of the description`}),description:a.formatMessage({id:`request.description.hint`,defaultMessage:`Beschrijf het kort in uw eigen woorden. Bijvoorbeeld: een uitbouw aan de achterkant en een uitrit naar de straat.`,description:`Help under the description`}),error:$(`description`),children:({invalid:e,...t})=>(0,E.jsx)(n,{...t,invalid:e,name:`description`,rows:4,maxLength:4e3,value:L,onChange:e=>R(e.target.value)})}),(0,E.jsx)(v,{type:`submit`,appearance:`primary-action-button`,busy:G,"aria-disabled":G||void 0,children:(0,E.jsx)(l,{id:`request.send`,defaultMessage:`Aanvraag versturen`,description:`Submit button of the request form`})})]})]})}export{A as RequestPage};