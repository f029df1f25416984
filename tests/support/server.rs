//! A small HTTP/1.1 server on 127.0.0.1 for the sync tests: no internet, no sleeps. Each path
//! answers as its [`Reply`] says, changeable while the server runs, and every request is
//! logged so tests can check what townhall sent.
//!
//! Several test crates include this file, each using part of it.
#![allow(dead_code)]

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};
use std::thread;

/// How a path answers.
#[derive(Debug, Clone)]
pub enum Reply {
    /// 200 with the body; with an ETag, a request sending it back in `If-None-Match` gets 304.
    Ok {
        body: Vec<u8>,
        etag: Option<String>,
        content_type: &'static str,
    },
    Status(u16),
    /// 200 whose Content-Length promises `declared` bytes, then only `body`, then close.
    Cut {
        body: Vec<u8>,
        declared: usize,
    },
    /// Accepts the request and never answers.
    Silent,
    /// 302 to another path.
    Redirect(String),
    /// 200 with `len` bytes of `a`, streamed.
    Huge(usize),
    /// 200 with the body gzip-compressed (`Content-Encoding: gzip`) when the request accepts
    /// it, else as it is.
    Gzip(Vec<u8>),
}

impl Reply {
    pub fn file(body: impl Into<Vec<u8>>, etag: &str) -> Reply {
        Reply::Ok {
            body: body.into(),
            etag: Some(etag.to_string()),
            content_type: "text/plain; charset=utf-8",
        }
    }

    pub fn html(body: &str) -> Reply {
        Reply::Ok {
            body: body.as_bytes().to_vec(),
            etag: None,
            content_type: "text/html",
        }
    }
}

/// A request as the server saw it.
#[derive(Debug, Clone)]
pub struct Request {
    pub path: String,
    /// Header names lowercased.
    pub headers: HashMap<String, String>,
    /// The status line's code the server answered with (0 for none).
    pub answered: u16,
}

pub struct Server {
    addr: SocketAddr,
    routes: Arc<Mutex<HashMap<String, Reply>>>,
    log: Arc<Mutex<Vec<Request>>>,
    stop: Arc<AtomicBool>,
    /// Dropped with the server, which releases every silent connection.
    _release: Sender<()>,
}

impl Server {
    pub fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let addr = listener.local_addr().unwrap();
        let routes: Arc<Mutex<HashMap<String, Reply>>> = Arc::default();
        let log: Arc<Mutex<Vec<Request>>> = Arc::default();
        let stop = Arc::new(AtomicBool::new(false));
        let (release, released) = channel::<()>();
        let released = Arc::new(Mutex::new(released));
        {
            let (routes, log, stop) = (routes.clone(), log.clone(), stop.clone());
            thread::spawn(move || {
                for stream in listener.incoming() {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(stream) = stream else { continue };
                    let (routes, log, released) = (routes.clone(), log.clone(), released.clone());
                    thread::spawn(move || serve(stream, &routes, &log, &released));
                }
            });
        }
        Server {
            addr,
            routes,
            log,
            stop,
            _release: release,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    pub fn set(&self, path: &str, reply: Reply) {
        self.routes.lock().unwrap().insert(path.to_string(), reply);
    }

    pub fn requests(&self) -> Vec<Request> {
        self.log.lock().unwrap().clone()
    }

    pub fn requests_to(&self, path: &str) -> Vec<Request> {
        self.requests()
            .into_iter()
            .filter(|r| r.path == path)
            .collect()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wakes the accept loop so it sees the flag.
        let _ = TcpStream::connect(self.addr);
    }
}

fn serve(
    mut stream: TcpStream,
    routes: &Mutex<HashMap<String, Reply>>,
    log: &Mutex<Vec<Request>>,
    released: &Mutex<Receiver<()>>,
) {
    let Some((path, headers)) = read_request(&stream) else {
        return;
    };
    let reply = routes.lock().unwrap().get(&path).cloned();
    let answered;
    let result = match reply {
        None => {
            answered = 404;
            respond(&mut stream, 404, &[], b"not here")
        }
        Some(Reply::Ok {
            body,
            etag,
            content_type,
        }) => {
            let matches = etag.is_some() && headers.get("if-none-match") == etag.as_ref();
            let mut extra = vec![("Content-Type", content_type.to_string())];
            if let Some(etag) = &etag {
                extra.push(("ETag", etag.clone()));
            }
            if matches {
                answered = 304;
                respond(&mut stream, 304, &extra, b"")
            } else {
                answered = 200;
                respond(&mut stream, 200, &extra, &body)
            }
        }
        Some(Reply::Status(code)) => {
            answered = code;
            respond(&mut stream, code, &[], b"error page")
        }
        Some(Reply::Cut { body, declared }) => {
            answered = 200;
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Length: {declared}\r\nConnection: close\r\n\r\n"
            );
            stream
                .write_all(head.as_bytes())
                .and_then(|()| stream.write_all(&body))
        }
        Some(Reply::Silent) => {
            log_request(log, &path, headers, 0);
            // Blocks until the server is dropped; the client's timeout fires first.
            let _ = released.lock().map(|r| r.recv());
            return;
        }
        Some(Reply::Redirect(to)) => {
            answered = 302;
            respond(&mut stream, 302, &[("Location", to)], b"")
        }
        Some(Reply::Gzip(body)) => {
            answered = 200;
            let accepts = headers
                .get("accept-encoding")
                .is_some_and(|v| v.contains("gzip"));
            if accepts {
                let mut encoder =
                    flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
                let zipped = encoder.write_all(&body).and_then(|()| encoder.finish());
                match zipped {
                    Ok(zipped) => respond(
                        &mut stream,
                        200,
                        &[("Content-Encoding", "gzip".to_string())],
                        &zipped,
                    ),
                    Err(e) => Err(e),
                }
            } else {
                respond(&mut stream, 200, &[], &body)
            }
        }
        Some(Reply::Huge(len)) => {
            answered = 200;
            let head =
                format!("HTTP/1.1 200 OK\r\nContent-Length: {len}\r\nConnection: close\r\n\r\n");
            let chunk = vec![b'a'; 64 * 1024];
            let mut sent = 0;
            let mut result = stream.write_all(head.as_bytes());
            while result.is_ok() && sent < len {
                let n = chunk.len().min(len - sent);
                result = stream.write_all(&chunk[..n]);
                sent += n;
            }
            result
        }
    };
    log_request(log, &path, headers, answered);
    let _ = result.and_then(|()| stream.flush());
}

fn log_request(
    log: &Mutex<Vec<Request>>,
    path: &str,
    headers: HashMap<String, String>,
    answered: u16,
) {
    log.lock().unwrap().push(Request {
        path: path.to_string(),
        headers,
        answered,
    });
}

fn read_request(stream: &TcpStream) -> Option<(String, HashMap<String, String>)> {
    let mut reader = BufReader::new(stream.take(64 * 1024));
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let path = line.split_whitespace().nth(1)?.to_string();
    let mut headers = HashMap::new();
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).ok()? == 0 {
            break;
        }
        let header = header.trim_end();
        if header.is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            headers.insert(name.trim().to_ascii_lowercase(), value.trim().to_string());
        }
    }
    Some((path, headers))
}

fn respond(
    stream: &mut TcpStream,
    code: u16,
    headers: &[(&str, String)],
    body: &[u8],
) -> std::io::Result<()> {
    let reason = match code {
        200 => "OK",
        302 => "Found",
        304 => "Not Modified",
        404 => "Not Found",
        500 => "Internal Server Error",
        _ => "Status",
    };
    let mut head = format!("HTTP/1.1 {code} {reason}\r\nConnection: close\r\n");
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    if code != 304 {
        head.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    stream.write_all(body)
}
