//! Real local receivers for the notification senders, for end-to-end tests: a small SMTP
//! server (plain SMTP as lettre speaks it: EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT; no
//! STARTTLS, no AUTH) and an HTTP server recording every request, for SMS gateways and
//! webhooks. Both can be switched "down", and both stop when dropped.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex, MutexGuard, PoisonError},
    time::{Duration, Instant},
};

use axum::{
    Router,
    body::Bytes,
    extract::State,
    http::{HeaderMap, Method, StatusCode, Uri},
};
use tokio::{
    io::{AsyncBufReadExt, AsyncWriteExt, BufReader},
    net::{TcpListener, TcpStream, tcp::OwnedReadHalf},
    sync::oneshot,
    task::{JoinHandle, JoinSet},
};

/// Locks, ignoring poisoning: a failed assertion elsewhere must not break the servers.
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Polls `get` until it holds at least `n` items; panics naming `what` after `timeout`.
async fn wait_until<T>(
    what: &str,
    n: usize,
    timeout: Duration,
    get: impl Fn() -> Vec<T>,
) -> Vec<T> {
    let until = Instant::now() + timeout;
    loop {
        let items = get();
        let got = items.len();
        if got >= n {
            return items;
        }
        assert!(
            Instant::now() < until,
            "expected {n} {what} within {timeout:?}, got {got}"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

/// A mail as the SMTP receiver got it.
#[derive(Debug, Clone)]
pub struct Mail {
    /// Envelope sender (`MAIL FROM`), without the angle brackets.
    pub from: String,
    /// Envelope recipients (`RCPT TO`), without the angle brackets.
    pub to: Vec<String>,
    /// The message, headers and body, lines joined by CRLF, dot-stuffing undone.
    pub data: String,
}

impl Mail {
    /// The first header `name` (case-insensitive), unfolded; encoded words stay as sent.
    pub fn header(&self, name: &str) -> Option<String> {
        let head = self
            .data
            .split_once("\r\n\r\n")
            .map_or(&*self.data, |(h, _)| h);
        let mut found: Option<String> = None;
        for line in head.split("\r\n") {
            match (&mut found, line.starts_with([' ', '\t'])) {
                (Some(value), true) => {
                    value.push(' ');
                    value.push_str(line.trim());
                }
                (Some(_), false) => break,
                (None, true) => {}
                (None, false) => {
                    found = line
                        .split_once(':')
                        .filter(|(n, _)| n.trim().eq_ignore_ascii_case(name))
                        .map(|(_, v)| v.trim().to_owned());
                }
            }
        }
        found
    }

    /// The message with quoted-printable soft line breaks and escapes undone.
    pub fn decoded(&self) -> String {
        let joined = self.data.replace("=\r\n", "");
        let bytes = joined.as_bytes();
        let mut out = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while let Some(&byte) = bytes.get(i) {
            let hex = bytes
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u8::from_str_radix(h, 16).ok());
            match (byte, hex) {
                (b'=', Some(decoded)) => {
                    out.push(decoded);
                    i += 3;
                }
                _ => {
                    out.push(byte);
                    i += 1;
                }
            }
        }
        String::from_utf8_lossy(&out).into_owned()
    }

    /// The body after the headers, as sent (transfer encoding not undone).
    pub fn body(&self) -> &str {
        self.data.split_once("\r\n\r\n").map_or("", |(_, b)| b)
    }
}

#[derive(Default)]
struct SmtpState {
    mails: Vec<Mail>,
    down: bool,
}

/// A local SMTP server on 127.0.0.1; stops, open sessions included, when dropped.
pub struct SmtpReceiver {
    port: u16,
    state: Arc<Mutex<SmtpState>>,
    task: JoinHandle<()>,
}

impl SmtpReceiver {
    /// Starts on a free port.
    pub async fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind SMTP");
        let port = listener.local_addr().expect("SMTP address").port();
        let state = Arc::new(Mutex::new(SmtpState::default()));
        let shared = Arc::clone(&state);
        let task = tokio::spawn(async move {
            let mut sessions = JoinSet::new(); // dropped with the task: sessions end too
            loop {
                tokio::select! {
                    Ok((stream, _)) = listener.accept() => {
                        sessions.spawn(session(stream, Arc::clone(&shared)));
                    }
                    Some(_) = sessions.join_next() => {}
                    else => tokio::time::sleep(Duration::from_millis(10)).await,
                }
            }
        });
        Self { port, state, task }
    }

    /// The port.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// `smtp://127.0.0.1:PORT`, for lettre's `from_url` (plain SMTP).
    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// Every mail so far, in arrival order.
    pub fn mails(&self) -> Vec<Mail> {
        lock(&self.state).mails.clone()
    }

    /// Waits until at least `n` mails arrived; panics after `timeout`.
    pub async fn wait_for(&self, n: usize, timeout: Duration) -> Vec<Mail> {
        wait_until("mails", n, timeout, || self.mails()).await
    }

    /// Down (a transient failure): new connections, and the next command on open ones, get
    /// `421` and are closed.
    pub fn set_down(&self, down: bool) {
        lock(&self.state).down = down;
    }
}

impl Drop for SmtpReceiver {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// The next line without its line end; `None` at end of stream.
async fn read_line(reader: &mut BufReader<OwnedReadHalf>) -> Option<String> {
    let mut buf = Vec::new();
    match reader.read_until(b'\n', &mut buf).await {
        Ok(0) | Err(_) => None,
        Ok(_) => {
            let line = buf.strip_suffix(b"\n").unwrap_or(&buf);
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            Some(String::from_utf8_lossy(line).into_owned())
        }
    }
}

/// `FROM:<a@b> SIZE=1` (after `MAIL `) -> `a@b`; the keyword is case-insensitive.
fn address(arg: &str, keyword: &str) -> Option<String> {
    let (head, rest) = arg.split_at_checked(keyword.len())?;
    let rest = rest.trim_start();
    let address = match rest.strip_prefix('<') {
        Some(inner) => inner.split_once('>')?.0,
        None => rest.split_whitespace().next()?,
    };
    head.eq_ignore_ascii_case(keyword)
        .then(|| address.to_owned())
}

/// One SMTP conversation.
async fn session(stream: TcpStream, state: Arc<Mutex<SmtpState>>) {
    const DOWN: &[u8] = b"421 4.3.0 service not available, closing channel\r\n";
    let (read, mut write) = stream.into_split();
    let mut reader = BufReader::new(read);
    if lock(&state).down {
        let _ = write.write_all(DOWN).await;
        return;
    }
    let _ = write.write_all(b"220 loket-test ESMTP ready\r\n").await;
    let (mut from, mut to) = (None::<String>, Vec::new());
    while let Some(command) = read_line(&mut reader).await {
        if lock(&state).down {
            let _ = write.write_all(DOWN).await;
            return;
        }
        let (verb, arg) = command.split_once(' ').unwrap_or((&command, ""));
        let reply: &[u8] = match verb.to_ascii_uppercase().as_str() {
            "EHLO" => b"250-loket-test\r\n250-8BITMIME\r\n250-SIZE 10485760\r\n250 SMTPUTF8\r\n",
            "HELO" => b"250 loket-test\r\n",
            "MAIL" => match address(arg, "FROM:") {
                Some(address) => {
                    (from, to) = (Some(address), Vec::new());
                    b"250 2.1.0 ok\r\n"
                }
                None => b"501 5.5.4 syntax: MAIL FROM:<address>\r\n",
            },
            "RCPT" if from.is_none() => b"503 5.5.1 MAIL first\r\n",
            "RCPT" => match address(arg, "TO:") {
                Some(address) => {
                    to.push(address);
                    b"250 2.1.5 ok\r\n"
                }
                None => b"501 5.5.4 syntax: RCPT TO:<address>\r\n",
            },
            "DATA" if to.is_empty() => b"503 5.5.1 RCPT first\r\n",
            "DATA" => {
                let _ = write.write_all(b"354 end with <CRLF>.<CRLF>\r\n").await;
                let mut lines = Vec::new();
                loop {
                    match read_line(&mut reader).await {
                        None => return, // cut off mid-message: nothing delivered
                        Some(l) if l == "." => break,
                        Some(l) => lines.push(l.strip_prefix('.').unwrap_or(&l).to_owned()),
                    }
                }
                let (from, to) = (from.take().unwrap_or_default(), std::mem::take(&mut to));
                lock(&state).mails.push(Mail {
                    from,
                    to,
                    data: lines.join("\r\n"),
                });
                b"250 2.0.0 queued\r\n"
            }
            "RSET" => {
                (from, to) = (None, Vec::new());
                b"250 2.0.0 ok\r\n"
            }
            "NOOP" => b"250 2.0.0 ok\r\n",
            "QUIT" => {
                let _ = write.write_all(b"221 2.0.0 bye\r\n").await;
                return;
            }
            _ => b"502 5.5.2 command not implemented\r\n",
        };
        if write.write_all(reply).await.is_err() {
            return;
        }
    }
}

/// A request as the HTTP receiver got it.
#[derive(Debug, Clone)]
pub struct Recorded {
    /// Method, e.g. `POST`.
    pub method: String,
    /// Path, without the query.
    pub path: String,
    /// Headers, names lowercased; repeated ones joined with `, `.
    pub headers: HashMap<String, String>,
    /// The body as sent.
    pub bytes: Vec<u8>,
    /// The body as text (lossy UTF-8).
    pub body: String,
    /// The status it was answered with.
    pub status: u16,
    /// When it arrived.
    pub received: Instant,
}

struct HttpState {
    requests: Vec<Recorded>,
    status: u16,
    delay: Duration,
}

type Shared = Arc<Mutex<HttpState>>;

/// A local HTTP server on 127.0.0.1 recording every request, answering 200 unless told
/// otherwise; stops when dropped.
pub struct HttpReceiver {
    port: u16,
    state: Shared,
    task: JoinHandle<()>,
    /// Dropped with the receiver: open keep-alive connections then shut down too.
    _stop: oneshot::Sender<()>,
}

impl HttpReceiver {
    /// Starts on a free port.
    pub async fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind HTTP");
        let port = listener.local_addr().expect("HTTP address").port();
        let state = Arc::new(Mutex::new(HttpState {
            requests: Vec::new(),
            status: 200,
            delay: Duration::ZERO,
        }));
        let app = Router::new()
            .fallback(record)
            .with_state(Arc::clone(&state));
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(async move {
            let stopped = async move { stopped.await.unwrap_or_default() };
            let _ = axum::serve(listener, app)
                .with_graceful_shutdown(stopped)
                .await;
        });
        Self {
            port,
            state,
            task,
            _stop: stop,
        }
    }

    /// The port.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// `http://127.0.0.1:PORT{path}`.
    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// Every request so far, in arrival order.
    pub fn requests(&self) -> Vec<Recorded> {
        lock(&self.state).requests.clone()
    }

    /// Waits until at least `n` requests arrived; panics after `timeout`.
    pub async fn wait_for(&self, n: usize, timeout: Duration) -> Vec<Recorded> {
        wait_until("requests", n, timeout, || self.requests()).await
    }

    /// The status to answer from now on: 503 for "down", 200 to come back.
    pub fn set_status(&self, status: u16) {
        lock(&self.state).status = status;
    }

    /// How long to wait before answering; a request is recorded when it arrives.
    pub fn set_delay(&self, delay: Duration) {
        lock(&self.state).delay = delay;
    }

    /// How often each value of header `name` (case-insensitive) arrived: the keys are what an
    /// idempotent receiver keeps, a count above 1 means repeats it would drop.
    pub fn unique_by_header(&self, name: &str) -> HashMap<String, usize> {
        let name = name.to_ascii_lowercase();
        let mut seen = HashMap::new();
        for value in lock(&self.state)
            .requests
            .iter()
            .filter_map(|r| r.headers.get(&name))
        {
            *seen.entry(value.clone()).or_insert(0) += 1;
        }
        seen
    }
}

impl Drop for HttpReceiver {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// Records a request when it arrives, then answers with the configured delay and status.
async fn record(
    State(state): State<Shared>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> StatusCode {
    let mut map = HashMap::<String, String>::new();
    for (name, value) in &headers {
        let value = String::from_utf8_lossy(value.as_bytes());
        let joined = map.get(name.as_str()).map(|v| format!("{v}, {value}"));
        map.insert(
            name.as_str().to_owned(),
            joined.unwrap_or_else(|| value.into_owned()),
        );
    }
    let (status, delay) = {
        let mut s = lock(&state);
        let (status, delay) = (s.status, s.delay);
        s.requests.push(Recorded {
            method: method.to_string(),
            path: uri.path().to_owned(),
            headers: map,
            body: String::from_utf8_lossy(&body).into_owned(),
            bytes: body.to_vec(),
            status,
            received: Instant::now(),
        });
        (status, delay)
    };
    tokio::time::sleep(delay).await;
    StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test fails loudly"
)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn raw_smtp_is_stored_and_a_down_receiver_answers_421() {
        let smtp = SmtpReceiver::start().await;
        let (read, mut write) = TcpStream::connect(("127.0.0.1", smtp.port()))
            .await
            .unwrap()
            .into_split();
        let mut reader = BufReader::new(read);
        let message = "X-Note: a\r\n subject: no\r\nSubject: Hallo\r\n wereld\r\nmessage-id: <k1@x>\r\n\r\n..punt\r\nregel\r\n.";
        let script = [
            ("", "220"), // the greeting
            ("EHLO client", "250 "),
            ("RCPT TO:<x@y>", "503"),
            ("MAIL FROM:<a@example.org> BODY=8BITMIME", "250"),
            ("RCPT TO:<b@example.org>", "250"),
            ("rcpt to: <c@example.org>", "250"),
            ("DATA", "354"),
            (message, "250"),
            ("NOOP", "250"),
            ("QUIT", "221"),
        ];
        for (command, expected) in script {
            if !command.is_empty() {
                write
                    .write_all(format!("{command}\r\n").as_bytes())
                    .await
                    .unwrap();
            }
            let mut reply = read_line(&mut reader).await.unwrap();
            while reply.as_bytes().get(3) == Some(&b'-') {
                reply = read_line(&mut reader).await.unwrap();
            }
            assert!(reply.starts_with(expected), "{command}: {reply}");
        }
        let mails = smtp.wait_for(1, Duration::from_secs(5)).await;
        assert_eq!((mails.len(), mails[0].from.as_str()), (1, "a@example.org"));
        assert_eq!(mails[0].to, ["b@example.org", "c@example.org"]);
        assert_eq!(mails[0].header("SUBJECT").as_deref(), Some("Hallo wereld"));
        assert_eq!(mails[0].header("Message-ID").as_deref(), Some("<k1@x>"));
        assert_eq!(mails[0].body(), ".punt\r\nregel");
        assert_eq!(smtp.url(), format!("smtp://127.0.0.1:{}", smtp.port()));

        smtp.set_down(true);
        let stream = TcpStream::connect(("127.0.0.1", smtp.port()))
            .await
            .unwrap();
        let mut reader = BufReader::new(stream.into_split().0);
        assert!(read_line(&mut reader).await.unwrap().starts_with("421"));
        assert_eq!(read_line(&mut reader).await, None, "closed after 421");
    }

    #[tokio::test]
    async fn lettre_delivers_and_sees_a_down_receiver_as_transient() {
        use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
        let smtp = SmtpReceiver::start().await;
        let transport = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous("127.0.0.1")
            .port(smtp.port())
            .build();
        let mail = |subject: &str, body: &str| {
            Message::builder()
                .from("Gemeente Enschede <noreply@enschede.nl>".parse().unwrap())
                .to("anna@example.org".parse().unwrap())
                .subject(subject)
                .message_id(Some("<key-1@enschede.nl>".into()))
                .body(body.to_owned())
                .unwrap()
        };
        let body = "Beste Anna,\r\n.\r\n..twee\r\nGroet";
        transport.send(mail("Uw aanvraag", body)).await.unwrap();
        let by_url = AsyncSmtpTransport::<Tokio1Executor>::from_url(&smtp.url())
            .unwrap()
            .build();
        let long = "Uw aanvraag ENS-2026-000001 is een stap verder, met een lange onderwerpregel";
        by_url.send(mail(long, "Tot ziens")).await.unwrap();

        let mails = smtp.wait_for(2, Duration::from_secs(5)).await;
        assert_eq!(
            (mails[0].from.as_str(), &mails[0].to[..]),
            ("noreply@enschede.nl", &["anna@example.org".to_owned()][..])
        );
        assert_eq!(
            mails[0].header("message-id").as_deref(),
            Some("<key-1@enschede.nl>")
        );
        assert_eq!(mails[0].body(), body);
        assert_eq!(
            mails[1].header("Subject").as_deref(),
            Some(long),
            "unfolded"
        );

        smtp.set_down(true);
        let error = transport.send(mail("Nog een", "x")).await.unwrap_err();
        assert!(error.is_transient(), "{error}");
        assert_eq!(smtp.mails().len(), 2);
    }

    #[tokio::test]
    async fn http_requests_are_recorded_answered_as_told_and_counted_by_key() {
        let _ = rustls::crypto::ring::default_provider().install_default();
        let http = HttpReceiver::start().await;
        let client = reqwest::Client::new();
        let post = |key: &'static str| {
            let body = format!(r#"{{"key":"{key}"}}"#);
            client
                .post(http.url("/hook?x=1"))
                .header("Loket-Delivery", key)
                .body(body)
                .send()
        };
        assert_eq!(post("a").await.unwrap().status(), 200);
        http.set_status(503);
        assert_eq!(post("a").await.unwrap().status(), 503);
        http.set_status(200);
        http.set_delay(Duration::from_millis(200));
        let started = Instant::now();
        assert_eq!(post("b").await.unwrap().status(), 200);
        assert!(started.elapsed() >= Duration::from_millis(200));

        let requests = http.wait_for(3, Duration::from_secs(5)).await;
        let first = &requests[0];
        assert_eq!(
            (first.method.as_str(), first.path.as_str()),
            ("POST", "/hook")
        );
        assert_eq!(first.headers["loket-delivery"], "a");
        assert_eq!(
            (first.body.as_str(), &first.bytes[..]),
            (r#"{"key":"a"}"#, &br#"{"key":"a"}"#[..])
        );
        let statuses: Vec<u16> = requests.iter().map(|r| r.status).collect();
        assert_eq!(statuses, [200, 503, 200]);
        assert!(requests[1].received <= requests[2].received);
        let keys = http.unique_by_header("LOKET-DELIVERY");
        assert_eq!((keys.len(), keys["a"], keys["b"]), (2, 2, 1));
    }

    #[tokio::test]
    async fn dropped_receivers_stop_listening() {
        let (smtp, http) = (SmtpReceiver::start().await, HttpReceiver::start().await);
        let ports = [smtp.port(), http.port()];
        drop((smtp, http));
        tokio::time::sleep(Duration::from_millis(50)).await;
        for port in ports {
            assert!(
                TcpStream::connect(("127.0.0.1", port)).await.is_err(),
                "{port} still open"
            );
        }
    }
}
