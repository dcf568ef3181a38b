import{A as e,H as t,M as n,P as r,at as i,d as a,et as o,mt as s,ot as c,st as l}from"./index-BoWHM9-R.js";import{t as u}from"./PageLinks-Cjzl3iCV.js";import{t as d}from"./usePageQuery-IGS0VNgU.js";import{t as f}from"./Table-qSrJnayI.js";import{a as p,i as m,n as h,t as g}from"./productPath-Bkvl2lWO.js";var _=l(),v=100,y=n(`
  query Catalogue($first: Int, $after: String) {
    products(includeHidden: true, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        code
        name
        kind
        searchTerms
        hidden
      }
    }
  }
`);function b(){let n=c(),[l]=s(),b=l.get(`na`),{data:x}=d({query:y,variables:{first:v,after:b}}),S=x?.products;return(0,_.jsxs)(_.Fragment,{children:[(0,_.jsx)(r,{children:n.formatMessage({id:`console.catalogue.title`,defaultMessage:`Catalogus`,description:`Title of the catalogue editing page`})}),(0,_.jsx)(o,{children:(0,_.jsx)(e,{to:`/medewerker/catalogus/nieuw`,className:`utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action`,children:(0,_.jsx)(i,{id:`console.catalogue.new`,defaultMessage:`Nieuw product`,description:`Link: add a product to the catalogue`})})}),S?(0,_.jsxs)(_.Fragment,{children:[(0,_.jsx)(t,{children:(0,_.jsx)(i,{id:`console.catalogue.count`,defaultMessage:`{count, plural, one {1 product} other {# producten}}, ook de verborgen.`,description:`How many products the catalogue holds, hidden ones included`,values:{count:S.totalCount}})}),(0,_.jsx)(f,{className:`loket-catalogue`,caption:(0,_.jsx)(i,{id:`console.catalogue.caption`,defaultMessage:`Producten en diensten op naam`,description:`Caption of the catalogue table`}),columns:[(0,_.jsx)(m,{name:`name`}),(0,_.jsx)(m,{name:`code`}),(0,_.jsx)(m,{name:`kind`}),(0,_.jsx)(m,{name:`searchTerms`}),(0,_.jsx)(m,{name:`visibility`})],children:S.nodes.map(t=>(0,_.jsxs)(`tr`,{className:`utrecht-table__row`,children:[(0,_.jsx)(`th`,{className:`utrecht-table__header-cell`,scope:`row`,children:(0,_.jsx)(e,{to:g(t.code),children:t.name})}),(0,_.jsx)(`td`,{className:`utrecht-table__cell`,children:(0,_.jsx)(`code`,{children:t.code})}),(0,_.jsx)(`td`,{className:`utrecht-table__cell`,children:(0,_.jsx)(h,{kind:t.kind})}),(0,_.jsx)(`td`,{className:`utrecht-table__cell`,children:t.searchTerms.join(`, `)}),(0,_.jsx)(`td`,{className:`utrecht-table__cell`,children:(0,_.jsx)(p,{hidden:t.hidden})})]},t.id))}),(0,_.jsx)(u,{path:`/medewerker/catalogus`,after:b,pageInfo:S.pageInfo})]}):(0,_.jsx)(a,{})]})}export{b as CataloguePage};