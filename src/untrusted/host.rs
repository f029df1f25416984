//! Hosts that pass for other hosts.

/// A web link whose host is written in non-ASCII letters (`https://аpple.example`, with a
/// Cyrillic `а`) can pass for another site. Such a link is shown and opened in its ASCII
/// (punycode) form, `https://xn--pple-43d.example/`, which no one mistakes for the original;
/// `None` when the host is ASCII already or the text is not a web link.
pub fn ascii_form(raw: &str) -> Option<String> {
    let (scheme, rest) = raw.trim().split_once("://")?;
    if !matches!(scheme.to_ascii_lowercase().as_str(), "http" | "https") {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    if authority.is_ascii() {
        return None;
    }
    let url = url::Url::parse(raw.trim()).ok()?;
    Some(url.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_ascii_hosts_are_shown_as_punycode() {
        assert_eq!(
            ascii_form("https://b\u{fc}cher.example/a?b=\u{fc}").as_deref(),
            Some("https://xn--bcher-kva.example/a?b=%C3%BC")
        );
        assert_eq!(ascii_form("https://example.org/b\u{fc}cher"), None);
        assert_eq!(ascii_form("mailto:a@b\u{fc}cher.example"), None);
    }
}
