export { Snippet, snippetParts, type SnippetProps } from './Snippet';
