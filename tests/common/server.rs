//! A small HTTP server on 127.0.0.1 for tests that fetch: routes with fixed answers,
//! failures included (status codes, redirects, slow answers, huge bodies), conditional GET
//! and gzip. Every request is logged.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::Duration;

#[derive(Clone)]
pub enum Route {
    /// 200 with this content type and body; an ETag makes If-None-Match answer 304.
    Ok {
        content_type: String,
        body: Vec<u8>,
        etag: Option<String>,
        gzip: bool,
    },
    Status(u16),
    Redirect(String),
    /// Wait, then answer as the inner route.
    Slow(Duration, Box<Route>),
    /// 200 text/html of this many bytes.
    Huge(usize),
    /// By the query string: the first route whose key it holds, else the last one (an
    /// API answering `?api&items` and `?api&unread_item_ids` differently).
    ByQuery(Vec<(String, Route)>, Box<Route>),
}

impl Route {
    pub fn html(body: &str) -> Route {
        Route::Ok {
            content_type: "text/html; charset=utf-8".into(),
            body: body.as_bytes().to_vec(),
            etag: None,
            gzip: false,
        }
    }
    pub fn typed(content_type: &str, body: &str) -> Route {
        Route::Ok {
            content_type: content_type.into(),
            body: body.as_bytes().to_vec(),
            etag: None,
            gzip: false,
        }
    }
}

/// One request as the server saw it: path and headers (names lowercased).
#[derive(Debug, Clone)]
pub struct Request {
    pub path: String,
    pub headers: HashMap<String, String>,
}

pub struct Server {
    pub base: String,
    routes: Arc<Mutex<HashMap<String, Route>>>,
    pub log: Arc<Mutex<Vec<Request>>>,
}

impl Server {
    pub fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let base = format!("http://{}", listener.local_addr().expect("addr"));
        let routes: Arc<Mutex<HashMap<String, Route>>> = Arc::default();
        let log: Arc<Mutex<Vec<Request>>> = Arc::default();
        let (r, l) = (routes.clone(), log.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (r, l) = (r.clone(), l.clone());
                std::thread::spawn(move || {
                    let _ = serve(stream, &r, &l);
                });
            }
        });
        Server { base, routes, log }
    }

    pub fn route(&self, path: &str, route: Route) {
        self.routes.lock().unwrap().insert(path.to_string(), route);
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub fn requests(&self, path: &str) -> Vec<Request> {
        self.log
            .lock()
            .unwrap()
            .iter()
            .filter(|r| r.path == path)
            .cloned()
            .collect()
    }
}

fn serve(stream: TcpStream, routes: &Mutex<HashMap<String, Route>>, log: &Mutex<Vec<Request>>) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut line = String::new();
    reader.read_line(&mut line)?;
    let target = line.split_whitespace().nth(1).unwrap_or("/");
    // routes are paths; a query string does not change the answer
    let path = target.split('?').next().unwrap_or("/").to_string();
    let mut headers = HashMap::new();
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h)? == 0 || h == "\r\n" || h == "\n" {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
        }
    }
    log.lock().unwrap().push(Request {
        path: path.clone(),
        headers: headers.clone(),
    });
    let query = target.split_once('?').map_or("", |(_, q)| q);
    let route = match routes.lock().unwrap().get(&path).cloned() {
        Some(Route::ByQuery(by, default)) => Some(
            by.into_iter()
                .find(|(k, _)| query.contains(k.as_str()))
                .map_or(*default, |(_, r)| r),
        ),
        r => r,
    };
    let mut out = stream;
    answer(&mut out, route, &headers)
}

fn answer(out: &mut TcpStream, route: Option<Route>, headers: &HashMap<String, String>) -> std::io::Result<()> {
    match route {
        None | Some(Route::Status(404)) | Some(Route::ByQuery(..)) => head(out, 404, "Not Found", &[], b"not found"),
        Some(Route::Status(s)) => head(out, s, "Error", &[], b"error"),
        Some(Route::Redirect(to)) => head(out, 302, "Found", &[("Location", to.as_str())], b""),
        Some(Route::Slow(d, inner)) => {
            std::thread::sleep(d);
            answer(out, Some(*inner), headers)
        }
        Some(Route::Huge(n)) => {
            write!(
                out,
                "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {n}\r\nConnection: close\r\n\r\n"
            )?;
            let chunk = vec![b'a'; 64 * 1024];
            let mut left = n;
            while left > 0 {
                let k = left.min(chunk.len());
                if out.write_all(&chunk[..k]).is_err() {
                    break; // the client gave up, as it should
                }
                left -= k;
            }
            Ok(())
        }
        Some(Route::Ok {
            content_type,
            body,
            etag,
            gzip,
        }) => {
            if let Some(e) = &etag
                && headers.get("if-none-match") == Some(e)
            {
                return head(out, 304, "Not Modified", &[("ETag", e.as_str())], b"");
            }
            let mut extra: Vec<(&str, &str)> = vec![("Content-Type", content_type.as_str())];
            if let Some(e) = &etag {
                extra.push(("ETag", e.as_str()));
            }
            let body = if gzip && headers.get("accept-encoding").is_some_and(|a| a.contains("gzip")) {
                extra.push(("Content-Encoding", "gzip"));
                let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
                enc.write_all(&body)?;
                enc.finish()?
            } else {
                body
            };
            head(out, 200, "OK", &extra, &body)
        }
    }
}

fn head(out: &mut TcpStream, status: u16, reason: &str, extra: &[(&str, &str)], body: &[u8]) -> std::io::Result<()> {
    let mut h = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    for (k, v) in extra {
        h.push_str(&format!("{k}: {v}\r\n"));
    }
    h.push_str("\r\n");
    out.write_all(h.as_bytes())?;
    out.write_all(body)?;
    out.flush()?;
    // let the client read to the end before the socket closes
    let _ = out.shutdown(std::net::Shutdown::Write);
    let mut sink = [0u8; 256];
    let _ = out.set_read_timeout(Some(Duration::from_millis(200)));
    let _ = out.read(&mut sink);
    Ok(())
}
