import { tokenizeBody } from './tokens.ts';

/**
 * A comment body as text: mentions stand out, web links open in a new tab. Every piece is a React
 * text node — a body is never parsed as HTML, so markup in it shows as written.
 */
export function CommentText({ body, mentionLabels }: { body: string; mentionLabels: string[] }) {
  return (
    <>
      {tokenizeBody(body, mentionLabels).map((token, i) => {
        const key = `${i}:${token.kind}`;
        if (token.kind === 'mention') {
          return (
            <span key={key} className="mention">
              {token.text}
            </span>
          );
        }
        if (token.kind === 'link') {
          return (
            <a key={key} href={token.href} target="_blank" rel="noopener noreferrer">
              {token.text}
            </a>
          );
        }
        return <span key={key}>{token.text}</span>;
      })}
    </>
  );
}
