import{C as e,H as t,L as n,M as r,P as i,Q as a,Z as o,at as s,ft as c,gt as l,h as u,ht as d,m as f,ot as p,q as m,st as h,tt as g,u as _,w as v}from"./index-B45dCJI0.js";import{t as y}from"./Field-DvqoewyR.js";import{n as b}from"./residentPath-CGnw1BHX.js";var x=l(d(),1),S=h(),C=r(`
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
`);function w(e){let t=t=>String(e.get(t)??``).trim(),n=t(`surname`),r=t(`birthDate`),i=t(`postcode`).replace(/\s+/g,``).toUpperCase(),a=Number.parseInt(t(`houseNumber`),10);return n||r?{surname:n,birthDate:r||void 0}:i||Number.isFinite(a)?{postcode:i,houseNumber:Number.isFinite(a)?a:void 0}:null}function T(){let r=p(),l=c(),[d,h]=(0,x.useState)(null),[T]=n({query:C,variables:d??{},pause:!d}),E=e(T.error),D=d?T.data?.searchPersons.nodes:void 0;return(0,S.jsxs)(S.Fragment,{children:[(0,S.jsx)(i,{children:r.formatMessage({id:`console.find.title`,defaultMessage:`Inwoner zoeken`,description:`Title of the resident search`})}),(0,S.jsxs)(`form`,{className:`loket-form loket-find`,"aria-label":r.formatMessage({id:`console.find.byBsn`,defaultMessage:`Zoeken op burgerservicenummer`,description:`Accessible name of the BSN search form`}),onSubmit:e=>{e.preventDefault();let t=String(new FormData(e.currentTarget).get(`bsn`)??``).replace(/\D/g,``);t&&l(b(),{state:{bsn:t}})},children:[(0,S.jsx)(y,{label:(0,S.jsx)(s,{id:`console.find.bsn`,defaultMessage:`Burgerservicenummer`,description:`Label of the BSN field`}),children:e=>(0,S.jsx)(m,{...e,name:`bsn`,inputMode:`numeric`,autoComplete:`off`,maxLength:11})}),(0,S.jsx)(g,{type:`submit`,appearance:`primary-action-button`,children:(0,S.jsx)(s,{id:`console.find.open`,defaultMessage:`Openen`,description:`Button: open the resident with this BSN`})})]}),(0,S.jsxs)(`form`,{className:`loket-form loket-find`,"aria-label":r.formatMessage({id:`console.find.byDetails`,defaultMessage:`Zoeken op naam of adres`,description:`Accessible name of the search by name or address`}),onSubmit:e=>{e.preventDefault(),h(w(new FormData(e.currentTarget)))},children:[(0,S.jsxs)(o,{children:[(0,S.jsx)(a,{children:(0,S.jsx)(s,{id:`console.find.byName`,defaultMessage:`Achternaam en geboortedatum`,description:`Legend: search by surname and birth date`})}),(0,S.jsx)(y,{label:(0,S.jsx)(s,{id:`console.find.surname`,defaultMessage:`Achternaam`,description:`Label`}),error:E.get(`surname`),children:e=>(0,S.jsx)(m,{...e,name:`surname`,autoComplete:`off`,maxLength:100})}),(0,S.jsx)(y,{label:(0,S.jsx)(s,{id:`console.find.birthDate`,defaultMessage:`Geboortedatum`,description:`Label`}),error:E.get(`birthDate`),children:e=>(0,S.jsx)(m,{...e,name:`birthDate`,type:`date`})})]}),(0,S.jsxs)(o,{children:[(0,S.jsx)(a,{children:(0,S.jsx)(s,{id:`console.find.byAddress`,defaultMessage:`Of: postcode en huisnummer`,description:`Legend: search by postcode and house number`})}),(0,S.jsx)(y,{label:(0,S.jsx)(s,{id:`console.find.postcode`,defaultMessage:`Postcode`,description:`Label`}),error:E.get(`postcode`),children:e=>(0,S.jsx)(m,{...e,name:`postcode`,autoComplete:`off`,maxLength:7})}),(0,S.jsx)(y,{label:(0,S.jsx)(s,{id:`console.find.houseNumber`,defaultMessage:`Huisnummer`,description:`Label`}),error:E.get(`houseNumber`),children:e=>(0,S.jsx)(m,{...e,name:`houseNumber`,inputMode:`numeric`,autoComplete:`off`,maxLength:6})})]}),(0,S.jsx)(g,{type:`submit`,appearance:`primary-action-button`,children:(0,S.jsx)(s,{id:`console.find.search`,defaultMessage:`Zoeken`,description:`Button: search residents`})})]}),T.error&&E.size===0&&(0,S.jsx)(u,{error:v(T.error)}),d&&T.fetching&&(0,S.jsx)(f,{}),(0,S.jsx)(`div`,{role:`status`,className:`loket-find__count`,children:D&&r.formatMessage({id:`console.find.count`,defaultMessage:`{count, plural, =0 {Geen inwoner gevonden.} one {1 inwoner gevonden} other {# inwoners gevonden}}`,description:`How many residents the search found`},{count:D.length})}),D&&D.length>0&&(0,S.jsxs)(`table`,{className:`utrecht-table loket-table`,children:[(0,S.jsx)(`caption`,{className:`utrecht-table__caption`,children:(0,S.jsx)(s,{id:`console.find.results`,defaultMessage:`Gevonden inwoners`,description:`Caption of the search results`})}),(0,S.jsx)(`thead`,{className:`utrecht-table__header`,children:(0,S.jsxs)(`tr`,{className:`utrecht-table__row`,children:[(0,S.jsx)(`th`,{className:`utrecht-table__header-cell`,scope:`col`,children:(0,S.jsx)(s,{id:`console.find.name`,defaultMessage:`Naam`,description:`Column`})}),(0,S.jsx)(`th`,{className:`utrecht-table__header-cell`,scope:`col`,children:(0,S.jsx)(s,{id:`console.find.born`,defaultMessage:`Geboren`,description:`Column`})}),(0,S.jsx)(`th`,{className:`utrecht-table__header-cell`,scope:`col`,children:(0,S.jsx)(s,{id:`console.find.address`,defaultMessage:`Adres`,description:`Column`})})]})}),(0,S.jsx)(`tbody`,{className:`utrecht-table__body`,children:D.map(e=>(0,S.jsxs)(`tr`,{className:`utrecht-table__row`,children:[(0,S.jsx)(`td`,{className:`utrecht-table__cell`,children:(0,S.jsx)(`button`,{type:`button`,className:`utrecht-link-button utrecht-link-button--html-button`,onClick:()=>void l(b(),{state:{bsn:e.bsn}}),children:e.name?.fullName??e.bsn})}),(0,S.jsx)(`td`,{className:`utrecht-table__cell`,children:e.birth?.date}),(0,S.jsx)(`td`,{className:`utrecht-table__cell`,children:e.address&&_(e.address)})]},e.bsn))})]}),!d&&(0,S.jsx)(t,{className:`loket-hint`,children:(0,S.jsx)(s,{id:`console.find.hint`,defaultMessage:`Het burgerservicenummer staat niet in de adresbalk en niet in de geschiedenis van de browser.`,description:`Hint: the BSN is kept out of URLs`})})]})}export{T as FindResidentPage};