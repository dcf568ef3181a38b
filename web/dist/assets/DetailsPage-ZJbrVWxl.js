import{B as e,H as t,M as n,O as r,P as i,at as a,d as o,ot as s,st as c}from"./index-BoWHM9-R.js";import{t as l}from"./DateText-C8ouzo8M.js";import{t as u}from"./usePageQuery-IGS0VNgU.js";var d=c(),f=n(`
  query MyDetails {
    me {
      person {
        bsn
        name {
          fullName
        }
        birth {
          date
          place
        }
        address {
          street
          houseNumber
          letter
          addition
          postcode
          city
        }
        travelDocuments {
          kind
          number
          expiresOn
        }
      }
    }
  }
`);function p({kind:e}){switch(e){case`passport`:return(0,d.jsx)(a,{id:`details.passport`,defaultMessage:`Paspoort`,description:`Travel document kind`});case`id-card`:return(0,d.jsx)(a,{id:`details.idCard`,defaultMessage:`Identiteitskaart`,description:`Travel document kind`});case`driving-licence`:return(0,d.jsx)(a,{id:`details.drivingLicence`,defaultMessage:`Rijbewijs`,description:`Travel document kind`});default:return(0,d.jsx)(`span`,{children:e})}}function m({label:e,children:t}){return(0,d.jsxs)(`div`,{className:`loket-facts__item`,children:[(0,d.jsx)(`dt`,{children:e}),(0,d.jsx)(`dd`,{children:t})]})}function h(){let n=s(),{data:c}=u({query:f}),h=c?.me.person,g=(0,d.jsx)(a,{id:`details.missing`,defaultMessage:`Niet beschikbaar`,description:`A detail that cannot be shown`});return(0,d.jsxs)(d.Fragment,{children:[(0,d.jsx)(i,{children:n.formatMessage({id:`details.title`,defaultMessage:`Mijn gegevens`,description:`Title of my details`})}),c?h?(0,d.jsxs)(d.Fragment,{children:[(0,d.jsx)(t,{children:(0,d.jsx)(a,{id:`details.lead`,defaultMessage:`Zo staat u ingeschreven bij de gemeente. Klopt er iets niet? Neem dan contact met ons op.`,description:`Introduction on my details`})}),(0,d.jsxs)(`dl`,{className:`loket-facts`,children:[(0,d.jsx)(m,{label:(0,d.jsx)(a,{id:`details.name`,defaultMessage:`Naam`,description:`Label`}),children:h.name?.fullName??g}),(0,d.jsx)(m,{label:(0,d.jsx)(a,{id:`details.bsn`,defaultMessage:`Burgerservicenummer`,description:`Label`}),children:h.bsn}),(0,d.jsx)(m,{label:(0,d.jsx)(a,{id:`details.birth`,defaultMessage:`Geboren`,description:`Label`}),children:h.birth?(0,d.jsx)(a,{id:`details.birthValue`,defaultMessage:`{date} in {place}`,description:`Date and place of birth`,values:{date:(0,d.jsx)(l,{value:h.birth.date}),place:h.birth.place}}):g}),(0,d.jsx)(m,{label:(0,d.jsx)(a,{id:`details.address`,defaultMessage:`Adres`,description:`Label`}),children:h.address?r(h.address):g})]}),(0,d.jsx)(e,{children:(0,d.jsx)(a,{id:`details.documents`,defaultMessage:`Reisdocumenten`,description:`Heading of the travel documents`})}),h.travelDocuments&&h.travelDocuments.length>0?(0,d.jsx)(`ul`,{className:`loket-documents`,children:h.travelDocuments.map(e=>(0,d.jsxs)(`li`,{children:[(0,d.jsx)(p,{kind:e.kind}),` `,(0,d.jsx)(a,{id:`details.documentValue`,defaultMessage:`{number}, geldig tot {date}`,description:`A travel document's number and expiry date`,values:{number:e.number,date:(0,d.jsx)(l,{value:e.expiresOn})}})]},e.number))}):(0,d.jsx)(t,{children:(0,d.jsx)(a,{id:`details.noDocuments`,defaultMessage:`Er zijn geen reisdocumenten bekend.`,description:`No travel documents`})})]}):(0,d.jsx)(t,{children:g}):(0,d.jsx)(o,{})]})}export{h as DetailsPage};