//! The fake gateway: a websocket server (tokio-tungstenite 0.21) speaking
//! just enough of Discord's gateway protocol for serenity's shard.
//!
//! HELLO on connect; READY for IDENTIFY (op 2); RESUMED for RESUME (op 6);
//! HEARTBEAT_ACK (op 11) for every heartbeat (op 1). Dispatches carry one
//! increasing sequence number across reconnects, as a resumed session does.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{mpsc, watch};
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::protocol::CloseFrame;
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;

use super::fixtures::{BOT_ID, bot_user_json};

const SESSION_ID: &str = "fake-session";
/// Long enough that no heartbeat is due during a test.
const HEARTBEAT_INTERVAL_MS: u64 = 41_250;
/// A close code serenity treats as "resume the session".
const CLOSE_RESUMABLE: u16 = 4000;

enum Outgoing {
    Frame(String),
    Close(u16),
}

/// The connection the bot is identified (or resumed) on.
#[derive(Clone)]
struct Session {
    connection: usize,
    outgoing: mpsc::UnboundedSender<Outgoing>,
}

pub(crate) struct Gateway {
    url: String,
    sequence: AtomicU64,
    connections: AtomicUsize,
    identifies: AtomicUsize,
    resumes: AtomicUsize,
    session: watch::Sender<Option<Session>>,
}

impl Gateway {
    pub(crate) async fn bind() -> std::io::Result<(Arc<Self>, TcpListener)> {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let url = format!("ws://{}", listener.local_addr()?);
        let gateway = Arc::new(Self {
            url,
            sequence: AtomicU64::new(0),
            connections: AtomicUsize::new(0),
            identifies: AtomicUsize::new(0),
            resumes: AtomicUsize::new(0),
            session: watch::channel(None).0,
        });
        Ok((gateway, listener))
    }

    pub(crate) fn url(&self) -> &str {
        &self.url
    }

    pub(crate) fn identifies(&self) -> usize {
        self.identifies.load(Ordering::SeqCst)
    }

    pub(crate) fn resumes(&self) -> usize {
        self.resumes.load(Ordering::SeqCst)
    }

    pub(crate) async fn serve(self: Arc<Self>, listener: TcpListener) {
        while let Ok((stream, _)) = listener.accept().await {
            tokio::spawn(Arc::clone(&self).serve_connection(stream));
        }
    }

    /// Waits until the bot has a live session (after READY or RESUMED).
    pub(crate) async fn wait_ready(&self, timeout: Duration) {
        let mut session = self.session.subscribe();
        let ready = tokio::time::timeout(timeout, session.wait_for(Option::is_some)).await;
        if !matches!(ready, Ok(Ok(_))) {
            panic!(
                "fake Discord: the bot did not identify on the gateway within {timeout:?} \
                 ({} connections, {} identifies, {} resumes)",
                self.connections.load(Ordering::SeqCst),
                self.identifies(),
                self.resumes()
            );
        }
    }

    /// Sends one dispatch (op 0) once a session is live; returns its `s`.
    pub(crate) async fn dispatch(&self, event_name: &str, data: Value) -> u64 {
        self.wait_ready(Duration::from_secs(10)).await;
        let session = self.session.borrow().clone();
        let Some(session) = session else {
            panic!("fake Discord: the gateway session ended before {event_name} could be sent");
        };
        let sequence = self.next_sequence();
        let frame = json!({"op": 0, "s": sequence, "t": event_name, "d": data});
        if session
            .outgoing
            .send(Outgoing::Frame(frame.to_string()))
            .is_err()
        {
            panic!("fake Discord: the gateway connection closed before {event_name} was sent");
        }
        sequence
    }

    /// Closes the live connection with a resumable close code; serenity
    /// reconnects and resumes.
    pub(crate) fn drop_connection(&self) {
        if let Some(session) = self.session.send_replace(None) {
            // The connection may already be gone, which is what we want anyway.
            let _ = session.outgoing.send(Outgoing::Close(CLOSE_RESUMABLE));
        }
    }

    /// Sends a HEARTBEAT_ACK (op 11), which serenity takes without reply:
    /// it wakes the shard runner so it reads its control messages.
    pub(crate) fn nudge(&self) {
        if let Some(session) = self.session.borrow().as_ref() {
            // A closed connection needs no nudge.
            let _ = session
                .outgoing
                .send(Outgoing::Frame(json!({"op": 11}).to_string()));
        }
    }

    fn next_sequence(&self) -> u64 {
        self.sequence.fetch_add(1, Ordering::SeqCst) + 1
    }

    fn ready_payload(&self) -> Value {
        json!({
            "v": 10,
            "user": bot_user_json(),
            "guilds": [],
            "session_id": SESSION_ID,
            "resume_gateway_url": self.url,
            "shard": [0, 1],
            "application": {"id": BOT_ID.to_string(), "flags": 0},
        })
    }

    async fn serve_connection(self: Arc<Self>, stream: TcpStream) {
        let Ok(socket) = tokio_tungstenite::accept_async(stream).await else {
            return;
        };
        let connection = self.connections.fetch_add(1, Ordering::SeqCst) + 1;
        let (mut sink, mut incoming) = socket.split();
        let (outgoing, mut queued) = mpsc::unbounded_channel();
        let hello = json!({"op": 10, "d": {"heartbeat_interval": HEARTBEAT_INTERVAL_MS}});
        if sink.send(Message::Text(hello.to_string())).await.is_err() {
            return;
        }
        loop {
            tokio::select! {
                next = queued.recv() => match next {
                    Some(Outgoing::Frame(text)) => {
                        if sink.send(Message::Text(text)).await.is_err() {
                            break;
                        }
                    }
                    Some(Outgoing::Close(code)) => {
                        let frame = CloseFrame { code: CloseCode::from(code), reason: "".into() };
                        let _ = sink.send(Message::Close(Some(frame))).await;
                        break;
                    }
                    None => break,
                },
                received = incoming.next() => match received {
                    Some(Ok(Message::Text(text))) => {
                        let op = serde_json::from_str::<Value>(&text)
                            .ok()
                            .and_then(|frame| frame["op"].as_u64());
                        let reply = match op {
                            Some(1) => Some(json!({"op": 11})),
                            Some(2) => {
                                self.identifies.fetch_add(1, Ordering::SeqCst);
                                Some(json!({
                                    "op": 0, "s": self.next_sequence(),
                                    "t": "READY", "d": self.ready_payload(),
                                }))
                            }
                            Some(6) => {
                                self.resumes.fetch_add(1, Ordering::SeqCst);
                                Some(json!({
                                    "op": 0, "s": self.next_sequence(), "t": "RESUMED", "d": {},
                                }))
                            }
                            _ => None,
                        };
                        if let Some(reply) = reply {
                            if sink.send(Message::Text(reply.to_string())).await.is_err() {
                                break;
                            }
                            if matches!(op, Some(2 | 6)) {
                                self.session.send_replace(Some(Session {
                                    connection,
                                    outgoing: outgoing.clone(),
                                }));
                            }
                        }
                    }
                    Some(Ok(Message::Close(_))) | Some(Err(_)) | None => break,
                    Some(Ok(_)) => {}
                },
            }
        }
        self.session.send_if_modified(|session| {
            let ours = session
                .as_ref()
                .is_some_and(|live| live.connection == connection);
            if ours {
                *session = None;
            }
            ours
        });
    }
}
