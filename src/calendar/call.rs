//! The call an event is held on, found in its URL, LOCATION, DESCRIPTION (plain or HTML, as
//! Google Calendar and LFX write it) or conference properties, and a key that two mentions of
//! the same call share, whatever their `pwd=` or tracking parameters: the Zoom meeting ID, a
//! Zoom personal room's name, a Google Meet code, or for other services the link itself.

use url::Url;

/// What makes two links the same call.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CallKey {
    /// A Zoom meeting ID, digits only (`845605479`), from `/j/`, `/w/`, LFX's `/meeting/`, or
    /// a "Meeting ID: 845 605 479" line.
    Zoom(String),
    /// A Zoom personal room, `zoom.us/my/<name>`, lower-cased.
    ZoomRoom(String),
    /// A Google Meet code, `abc-defg-hij`.
    Meet(String),
    /// Any other call service: host and path, lower-cased, without query or fragment.
    Link(String),
}

/// A join link and the call it leads to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Call {
    pub url: String,
    pub key: CallKey,
}

/// Every call in these texts, first found first, each key once. Links that aren't calls
/// (agenda documents, recordings) are left out.
pub fn calls_in<'a>(texts: impl IntoIterator<Item = &'a str>) -> Vec<Call> {
    let mut calls: Vec<Call> = Vec::new();
    for text in texts {
        for url in links_in(text) {
            if let Some(key) = key_of(&url)
                && !calls.iter().any(|c| c.key == key)
            {
                calls.push(Call {
                    url: url.to_string(),
                    key,
                });
            }
        }
    }
    calls
}

/// Zoom meeting IDs written out in text ("Meeting ID: 845 605 479"), for events that give the
/// number but link the call elsewhere.
pub fn zoom_ids_in(text: &str) -> Vec<CallKey> {
    let mut found = Vec::new();
    let lower = text.to_ascii_lowercase();
    for marker in ["meeting id:", "meeting id", "webinar id:"] {
        let mut from = 0;
        while let Some(at) = lower[from..].find(marker) {
            let start = from + at + marker.len();
            let digits: String = text[start..]
                .chars()
                .skip_while(|c| c.is_whitespace() || *c == ':')
                .take_while(|c| c.is_ascii_digit() || *c == ' ')
                .filter(char::is_ascii_digit)
                .collect();
            if (9..=11).contains(&digits.len()) {
                let key = CallKey::Zoom(digits);
                if !found.contains(&key) {
                    found.push(key);
                }
            }
            from = start;
        }
    }
    found
}

/// The call behind a join link, or `None` when it isn't one townhall knows.
pub fn key_of(url: &Url) -> Option<CallKey> {
    let host = url.host_str()?.to_ascii_lowercase();
    let segments: Vec<&str> = url.path_segments()?.filter(|s| !s.is_empty()).collect();
    let digits = |s: &str| {
        let d: String = s.chars().filter(char::is_ascii_digit).collect();
        (s.chars().all(|c| c.is_ascii_digit() || c == '-') && (9..=11).contains(&d.len()))
            .then_some(d)
    };
    if host == "zoom.us" || host.ends_with(".zoom.us") || host.ends_with("zoomgov.com") {
        return match segments.as_slice() {
            ["j" | "w" | "s", id, ..] | ["wc", "join", id, ..] | ["wc", id, ..] => {
                digits(id).map(CallKey::Zoom)
            }
            ["my", room, ..] => Some(CallKey::ZoomRoom(room.to_ascii_lowercase())),
            ["join"] => url
                .query_pairs()
                .find(|(k, _)| k == "confno")
                .and_then(|(_, v)| digits(&v))
                .map(CallKey::Zoom),
            _ => None,
        };
    }
    if host.ends_with("linuxfoundation.org")
        && let ["meeting", id, ..] = segments.as_slice()
    {
        return digits(id).map(CallKey::Zoom);
    }
    if host == "meet.google.com" {
        return segments
            .first()
            .filter(|code| code.len() >= 10 && code.contains('-'))
            .map(|code| CallKey::Meet(code.to_ascii_lowercase()));
    }
    let is_call_service = host == "teams.microsoft.com"
        || host == "teams.live.com"
        || host.ends_with(".webex.com")
        || host == "meet.jit.si"
        || host == "whereby.com";
    is_call_service.then(|| {
        CallKey::Link(format!("{host}{}", url.path().trim_end_matches('/')).to_ascii_lowercase())
    })
}

/// The http(s) links in a text that may be HTML: `href` values and bare URLs, entities
/// decoded, Google's `google.com/url?q=` redirects unwrapped.
pub fn links_in(text: &str) -> Vec<Url> {
    let text = decode_entities(text);
    let mut found = Vec::new();
    let lower = text.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = next_link(&lower, from) {
        let rest = &text[at..];
        let end = rest
            .find(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '<' | '>' | '\\'))
            .unwrap_or(rest.len());
        let candidate = rest[..end].trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']']);
        from = at + end.max(1);
        let Ok(url) = crate::links::check(candidate) else {
            continue;
        };
        if !matches!(url.scheme(), "http" | "https") {
            continue;
        }
        found.push(unwrap_redirect(url));
    }
    found
}

fn next_link(lower: &str, from: usize) -> Option<usize> {
    let rest = lower.get(from..)?;
    let http = rest.find("http://");
    let https = rest.find("https://");
    let at = match (http, https) {
        (Some(a), Some(b)) => a.min(b),
        (a, b) => a.or(b)?,
    };
    Some(from + at)
}

/// `https://www.google.com/url?q=https://zoom.us/j/1&sa=D` is the Zoom link.
fn unwrap_redirect(url: Url) -> Url {
    let google = url
        .host_str()
        .is_some_and(|h| h == "www.google.com" || h == "google.com");
    if google && url.path() == "/url" {
        let target = url
            .query_pairs()
            .find(|(k, _)| k == "q")
            .and_then(|(_, q)| crate::links::check(&q).ok());
        if let Some(target) = target {
            return target;
        }
    }
    url
}

/// The HTML entities descriptions use around links; others stay as written.
fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    text.replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", " ")
        .replace("&#61;", "=")
        .replace("&#x3D;", "=")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<CallKey> {
        calls_in([text]).into_iter().map(|c| c.key).collect()
    }

    #[test]
    fn zoom_links_of_every_shape_give_the_meeting_id() {
        for url in [
            "https://zoom.us/j/845605479",
            "https://zoom.us/j/845605479?pwd=abc",
            "https://us02web.zoom.us/j/845605479#success",
            "https://zoom.us/w/845605479",
            "https://zoom.us/wc/join/845605479",
            "https://zoom.us/join?confno=845605479",
            "https://zoom-lfx.platform.linuxfoundation.org/meeting/845605479?password=x",
        ] {
            assert_eq!(keys(url), [CallKey::Zoom("845605479".into())], "{url}");
        }
        assert_eq!(
            keys("https://zoom.us/my/ApiMachinery"),
            [CallKey::ZoomRoom("apimachinery".into())]
        );
        assert_eq!(
            keys("join at https://meet.google.com/abc-defg-hij."),
            [CallKey::Meet("abc-defg-hij".into())]
        );
    }

    #[test]
    fn html_descriptions_with_entities_and_google_redirects() {
        let html = r#"<p>Join Zoom Meeting<br><a href="https://www.google.com/url?q=https://zoom.us/j/96548204174?pwd%3Dx&amp;sa=D&amp;ust=1">https://zoom.us/j/96548204174?pwd=x&amp;from=addon</a></p><a href="https://docs.google.com/document/d/abc">Agenda</a>"#;
        let calls = calls_in([html]);
        assert_eq!(calls.len(), 1, "{calls:?}");
        assert_eq!(calls[0].key, CallKey::Zoom("96548204174".into()));
        assert!(
            calls[0].url.starts_with("https://zoom.us/j/96548204174"),
            "{calls:?}"
        );
    }

    #[test]
    fn meeting_ids_written_out() {
        assert_eq!(
            zoom_ids_in("Meeting ID: 845 605 479\nPasscode: 77"),
            [CallKey::Zoom("845605479".into())]
        );
        assert!(zoom_ids_in("Meeting ID: 12").is_empty());
    }

    #[test]
    fn links_that_are_not_calls_and_unsafe_ones_are_left_out() {
        assert!(keys("https://docs.google.com/document/d/x https://zoom.us/pricing").is_empty());
        assert!(keys("javascript:alert(1) file:///etc/passwd").is_empty());
        assert!(keys("https://evil.example/j/845605479").is_empty());
    }
}
