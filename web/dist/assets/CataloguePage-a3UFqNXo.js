import{A as e,H as t,M as n,P as r,at as i,d as a,et as o,mt as s,ot as c,st as l}from"./index-BecHQAow.js";import{t as u}from"./usePageQuery-B80kpKgM.js";import{t as d}from"./Table-Gxth-NXI.js";import{a as f,i as p,n as m,t as h}from"./productPath-B_W-VNfW.js";var g=l(),_=100,v=n(`
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
`);function y(){let n=c(),[l]=s(),y=l.get(`na`),{data:b}=u({query:v,variables:{first:_,after:y}}),x=b?.products;return(0,g.jsxs)(g.Fragment,{children:[(0,g.jsx)(r,{children:n.formatMessage({id:`console.catalogue.title`,defaultMessage:`Catalogus`,description:`Title of the catalogue editing page`})}),(0,g.jsx)(o,{children:(0,g.jsx)(e,{to:`/medewerker/catalogus/nieuw`,className:`utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action`,children:(0,g.jsx)(i,{id:`console.catalogue.new`,defaultMessage:`Nieuw product`,description:`Link: add a product to the catalogue`})})}),x?(0,g.jsxs)(g.Fragment,{children:[(0,g.jsx)(t,{children:(0,g.jsx)(i,{id:`console.catalogue.count`,defaultMessage:`{count, plural, one {1 product} other {# producten}}, ook de verborgen.`,description:`How many products the catalogue holds, hidden ones included`,values:{count:x.totalCount}})}),(0,g.jsx)(d,{className:`loket-catalogue`,caption:(0,g.jsx)(i,{id:`console.catalogue.caption`,defaultMessage:`Producten en diensten op naam`,description:`Caption of the catalogue table`}),columns:[(0,g.jsx)(p,{name:`name`}),(0,g.jsx)(p,{name:`code`}),(0,g.jsx)(p,{name:`kind`}),(0,g.jsx)(p,{name:`searchTerms`}),(0,g.jsx)(p,{name:`visibility`})],children:x.nodes.map(t=>(0,g.jsxs)(`tr`,{className:`utrecht-table__row`,children:[(0,g.jsx)(`th`,{className:`utrecht-table__header-cell`,scope:`row`,children:(0,g.jsx)(e,{to:h(t.code),children:t.name})}),(0,g.jsx)(`td`,{className:`utrecht-table__cell`,children:(0,g.jsx)(`code`,{children:t.code})}),(0,g.jsx)(`td`,{className:`utrecht-table__cell`,children:(0,g.jsx)(m,{kind:t.kind})}),(0,g.jsx)(`td`,{className:`utrecht-table__cell`,children:t.searchTerms.join(`, `)}),(0,g.jsx)(`td`,{className:`utrecht-table__cell`,children:(0,g.jsx)(f,{hidden:t.hidden})})]},t.id))}),(0,g.jsxs)(o,{children:[y&&(0,g.jsx)(e,{to:`/medewerker/catalogus`,children:(0,g.jsx)(i,{id:`console.page.first`,defaultMessage:`Eerste pagina`,description:`Paging: back to the first page of a list`})}),x.pageInfo.hasNextPage&&x.pageInfo.endCursor&&(0,g.jsx)(e,{to:`/medewerker/catalogus?na=${encodeURIComponent(x.pageInfo.endCursor)}`,children:(0,g.jsx)(i,{id:`console.page.next`,defaultMessage:`Volgende pagina`,description:`Paging: the next page of a list`})})]})]}):(0,g.jsx)(a,{})]})}export{y as CataloguePage};