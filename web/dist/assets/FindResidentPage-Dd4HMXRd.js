import{H as e,L as t,M as n,O as r,P as i,Q as a,Z as o,at as s,b as c,d as l,f as u,ft as d,gt as f,ht as p,ot as m,q as h,st as g,tt as _,x as v}from"./index-BoWHM9-R.js";import{t as y}from"./DateText-C8ouzo8M.js";import{t as b}from"./Field-c_iBCutW.js";import{t as x}from"./labels-gOw5r-l8.js";import{n as S}from"./residentPath-CGnw1BHX.js";import{t as C}from"./Table-qSrJnayI.js";var w=f(p(),1),T=g(),E=n(`
  query SearchPersons(
    $surname: String
    $birthDate: NaiveDate
    $postcode: String
    $houseNumber: Int
  ) {
    searchPersons(
      surname: $surname
      birthDate: $birthDate
      postcode: $postcode
      houseNumber: $houseNumber
      first: 25
    ) {
      nodes {
        bsn
        name {
          fullName
        }
        birth {
          date
        }
        address {
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
`);function D(e){let t=t=>String(e.get(t)??``).trim(),n=t(`surname`),r=t(`birthDate`),i=t(`postcode`).replace(/\s+/g,``).toUpperCase(),a=Number.parseInt(t(`houseNumber`),10);return n||r?{surname:n,birthDate:r||void 0}:i||Number.isFinite(a)?{postcode:i,houseNumber:Number.isFinite(a)?a:void 0}:null}function O(){let n=m(),f=d(),[p,g]=(0,w.useState)(null),[O]=t({query:E,variables:p??{},pause:!p}),k=c(O.error),A=p?O.data?.searchPersons.nodes:void 0;return(0,T.jsxs)(T.Fragment,{children:[(0,T.jsx)(i,{children:n.formatMessage({id:`console.find.title`,defaultMessage:`Inwoner zoeken`,description:`Title of the resident search`})}),(0,T.jsxs)(`form`,{className:`loket-form loket-find`,"aria-label":n.formatMessage({id:`console.find.byBsn`,defaultMessage:`Zoeken op burgerservicenummer`,description:`Accessible name of the BSN search form`}),onSubmit:e=>{e.preventDefault();let t=String(new FormData(e.currentTarget).get(`bsn`)??``).replace(/\D/g,``);t&&f(S(),{state:{bsn:t}})},children:[(0,T.jsx)(b,{label:(0,T.jsx)(x,{name:`bsn`}),children:e=>(0,T.jsx)(h,{...e,name:`bsn`,inputMode:`numeric`,autoComplete:`off`,maxLength:11})}),(0,T.jsx)(_,{type:`submit`,appearance:`primary-action-button`,children:(0,T.jsx)(s,{id:`console.find.open`,defaultMessage:`Openen`,description:`Button: open the resident with this BSN`})})]}),(0,T.jsxs)(`form`,{className:`loket-form loket-find`,"aria-label":n.formatMessage({id:`console.find.byDetails`,defaultMessage:`Zoeken op naam of adres`,description:`Accessible name of the search by name or address`}),onSubmit:e=>{e.preventDefault(),g(D(new FormData(e.currentTarget)))},children:[(0,T.jsxs)(o,{children:[(0,T.jsx)(a,{children:(0,T.jsx)(s,{id:`console.find.byName`,defaultMessage:`Achternaam en geboortedatum`,description:`Legend: search by surname and birth date`})}),(0,T.jsx)(b,{label:(0,T.jsx)(s,{id:`console.find.surname`,defaultMessage:`Achternaam`,description:`Label`}),error:k.get(`surname`),children:e=>(0,T.jsx)(h,{...e,name:`surname`,autoComplete:`off`,maxLength:100})}),(0,T.jsx)(b,{label:(0,T.jsx)(x,{name:`birthDate`}),error:k.get(`birthDate`),children:e=>(0,T.jsx)(h,{...e,name:`birthDate`,type:`date`})})]}),(0,T.jsxs)(o,{children:[(0,T.jsx)(a,{children:(0,T.jsx)(s,{id:`console.find.byAddress`,defaultMessage:`Of: postcode en huisnummer`,description:`Legend: search by postcode and house number`})}),(0,T.jsx)(b,{label:(0,T.jsx)(s,{id:`console.find.postcode`,defaultMessage:`Postcode`,description:`Label`}),error:k.get(`postcode`),children:e=>(0,T.jsx)(h,{...e,name:`postcode`,autoComplete:`off`,maxLength:7})}),(0,T.jsx)(b,{label:(0,T.jsx)(s,{id:`console.find.houseNumber`,defaultMessage:`Huisnummer`,description:`Label`}),error:k.get(`houseNumber`),children:e=>(0,T.jsx)(h,{...e,name:`houseNumber`,inputMode:`numeric`,autoComplete:`off`,maxLength:6})})]}),(0,T.jsx)(_,{type:`submit`,appearance:`primary-action-button`,children:(0,T.jsx)(s,{id:`console.find.search`,defaultMessage:`Zoeken`,description:`Button: search residents`})})]}),O.error&&k.size===0&&(0,T.jsx)(u,{error:v(O.error)}),p&&O.fetching&&(0,T.jsx)(l,{}),(0,T.jsx)(`div`,{role:`status`,className:`loket-find__count`,children:A&&n.formatMessage({id:`console.find.count`,defaultMessage:`{count, plural, =0 {Geen inwoner gevonden.} one {1 inwoner gevonden} other {# inwoners gevonden}}`,description:`How many residents the search found`},{count:A.length})}),A&&A.length>0&&(0,T.jsx)(C,{caption:(0,T.jsx)(s,{id:`console.find.results`,defaultMessage:`Gevonden inwoners`,description:`Caption of the search results`}),columns:[(0,T.jsx)(s,{id:`console.find.name`,defaultMessage:`Naam`,description:`Column`}),(0,T.jsx)(s,{id:`console.find.born`,defaultMessage:`Geboren`,description:`Column`}),(0,T.jsx)(x,{name:`address`})],children:A.map(e=>(0,T.jsxs)(`tr`,{className:`utrecht-table__row`,children:[(0,T.jsx)(`td`,{className:`utrecht-table__cell`,children:(0,T.jsx)(`button`,{type:`button`,className:`utrecht-link-button utrecht-link-button--html-button`,onClick:()=>void f(S(),{state:{bsn:e.bsn}}),children:e.name?.fullName??e.bsn})}),(0,T.jsx)(`td`,{className:`utrecht-table__cell`,children:e.birth&&(0,T.jsx)(y,{value:e.birth.date})}),(0,T.jsx)(`td`,{className:`utrecht-table__cell`,children:e.address&&r(e.address)})]},e.bsn))}),!p&&(0,T.jsx)(e,{className:`loket-hint`,children:(0,T.jsx)(s,{id:`console.find.hint`,defaultMessage:`Het burgerservicenummer staat niet in de adresbalk en niet in de geschiedenis van de browser.`,description:`Hint: the BSN is kept out of URLs`})})]})}export{O as FindResidentPage};