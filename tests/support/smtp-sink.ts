/**
 * A real SMTP server for tests, run as its own process (`node --import tsx smtp-sink.ts`): listens
 * on a free loopback port, prints `{"listening":port}` once, then one JSON line per message it
 * accepts (envelope, headers and decoded bodies). It advertises STARTTLS with smtp-server's
 * self-signed certificate, as a local relay often does: Accord must not try it on loopback.
 */
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

const server = new SMTPServer({
  authOptional: true,
  logger: false,
  hideSTARTTLS: false,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      simpleParser(Buffer.concat(chunks)).then(
        (mail) => {
          const line = {
            mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
            rcptTo: session.envelope.rcptTo.map((r) => r.address),
            secure: session.secure,
            from: mail.from?.text ?? null,
            to: Array.isArray(mail.to)
              ? mail.to.map((a) => a.text).join(', ')
              : (mail.to?.text ?? null),
            subject: mail.subject ?? null,
            text: mail.text ?? null,
            html: typeof mail.html === 'string' ? mail.html : null,
          };
          process.stdout.write(`${JSON.stringify(line)}\n`);
          callback();
        },
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    });
  },
});

server.listen(0, '127.0.0.1', () => {
  const address = server.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  process.stdout.write(`${JSON.stringify({ listening: port })}\n`);
});

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
