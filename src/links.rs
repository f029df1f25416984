//! Which links townhall will hand to a browser, and how it opens them.
//!
//! Every URL comes from a registry file someone else wrote, so the policy is an allow-list:
//! http, https, mailto and tel. Anything else (file:, javascript:, a value that would be read
//! as a command-line option) is refused before it reaches a browser or a terminal.

use std::fmt;

/// Schemes a link may use, in the order the README lists them.
pub const ALLOWED_SCHEMES: [&str; 4] = ["http", "https", "mailto", "tel"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkError {
    Empty,
    Unparsable { url: String, reason: String },
    Scheme { url: String, scheme: String },
    NoHost { url: String },
    Hidden { url: String },
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::Empty => write!(f, "empty link"),
            LinkError::Unparsable { url, reason } => write!(f, "{url:?} is not a URL ({reason})"),
            LinkError::Scheme { url, scheme } => write!(
                f,
                "{url:?} uses the scheme `{scheme}:`; only {} links are allowed",
                ALLOWED_SCHEMES.join(", ")
            ),
            LinkError::NoHost { url } => write!(f, "{url:?} has no host"),
            LinkError::Hidden { url } => {
                write!(f, "{url:?} contains control or invisible characters")
            }
        }
    }
}

impl std::error::Error for LinkError {}

/// Characters that never belong in a link and can hide what it points to.
fn is_hidden(c: char) -> bool {
    c.is_control() || crate::untrusted::is_invisible(c)
}

/// Trims whitespace and invisible characters around a link (registries do carry
/// zero-width spaces in front of URLs), then checks it against the policy.
pub fn check(raw: &str) -> Result<url::Url, LinkError> {
    let trimmed = raw.trim_matches(|c: char| c.is_whitespace() || is_hidden(c));
    if trimmed.is_empty() {
        return Err(LinkError::Empty);
    }
    if trimmed.chars().any(is_hidden) {
        return Err(LinkError::Hidden {
            url: trimmed.escape_debug().to_string(),
        });
    }
    let url = url::Url::parse(trimmed).map_err(|e| LinkError::Unparsable {
        url: trimmed.to_string(),
        reason: e.to_string(),
    })?;
    let scheme = url.scheme();
    if !ALLOWED_SCHEMES.contains(&scheme) {
        return Err(LinkError::Scheme {
            url: trimmed.to_string(),
            scheme: scheme.to_string(),
        });
    }
    if matches!(scheme, "http" | "https") && url.host_str().is_none_or(str::is_empty) {
        return Err(LinkError::NoHost {
            url: trimmed.to_string(),
        });
    }
    Ok(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allows_the_four_schemes() {
        for ok in [
            "https://zoom.us/my/cncfserverlesswg",
            "http://www.thetimezoneconverter.com/?t=9:00%20am",
            "mailto:cf-dev@lists.cloudfoundry.org",
            "tel:+16465588656",
        ] {
            assert!(check(ok).is_ok(), "{ok}");
        }
    }

    #[test]
    fn refuses_other_schemes_and_option_lookalikes() {
        assert!(matches!(
            check("file:///etc/passwd"),
            Err(LinkError::Scheme { .. })
        ));
        assert!(matches!(
            check("javascript:alert(1)"),
            Err(LinkError::Scheme { .. })
        ));
        assert!(matches!(check("--help"), Err(LinkError::Unparsable { .. })));
        assert!(matches!(
            check("-https://x.org"),
            Err(LinkError::Unparsable { .. })
        ));
        assert!(matches!(check("   "), Err(LinkError::Empty)));
    }

    #[test]
    fn trims_zero_width_spaces_but_refuses_them_inside() {
        let url = check("\u{200B}\u{200B}https://zoom.us/j/1").unwrap();
        assert_eq!(url.as_str(), "https://zoom.us/j/1");
        assert!(matches!(
            check("https://zoom.us/\u{202E}j/1"),
            Err(LinkError::Hidden { .. })
        ));
    }

    #[test]
    fn names_the_offending_value() {
        let message = check("ftp://example.org/x").unwrap_err().to_string();
        assert_eq!(
            message,
            "\"ftp://example.org/x\" uses the scheme `ftp:`; only http, https, mailto, tel links are allowed"
        );
    }
}

/// A link of a group, with the words the detail pane shows beside its number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedLink {
    pub label: String,
    pub url: String,
}

/// Every link of a group in the order the detail pane numbers them: meetings first (what
/// people open most), then chat, mailing lists, projects and the group's other links.
pub fn of_group(g: &crate::model::Group) -> Vec<NamedLink> {
    let mut out = Vec::new();
    let mut push = |label: String, url: &str| {
        out.push(NamedLink {
            label,
            url: url.to_string(),
        })
    };
    for m in &g.meetings {
        let fields = [
            ("join", &m.join),
            ("notes", &m.notes),
            ("calendar", &m.calendar),
            ("international numbers", &m.international),
        ];
        for (what, url) in fields {
            if let Some(url) = url {
                push(format!("{}: {what}", m.title), url);
            }
        }
        for url in &m.recordings {
            push(format!("{}: recordings", m.title), url);
        }
        for l in &m.links {
            push(format!("{}: {}", m.title, l.title), &l.url);
        }
    }
    for c in &g.chat {
        if let Some(url) = &c.url {
            push(format!("chat {}", c.channel), url);
        }
    }
    for l in &g.mailing_lists {
        push(l.title.clone(), &l.url);
    }
    for p in &g.projects {
        if let Some(url) = &p.url {
            push(format!("project {}", p.name), url);
        }
    }
    for l in &g.links {
        push(l.title.clone(), &l.url);
    }
    out
}

/// How a link was (or wasn't) handed to a browser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Opened {
    /// `$BROWSER` was started with the URL.
    Browser(String),
    /// The desktop's opener (xdg-open, open, start) was started.
    Desktop,
}

/// Opens `raw` without waiting for the browser: through `$BROWSER` when set (as git and gh
/// do), otherwise the desktop's opener. Refuses anything the policy refuses.
pub fn open(raw: &str) -> Result<Opened, String> {
    let url = check(raw).map_err(|e| e.to_string())?;
    match std::env::var("BROWSER")
        .ok()
        .filter(|b| !b.trim().is_empty())
    {
        Some(browser) => {
            // `$BROWSER` may carry arguments ("firefox --new-tab"); the URL always comes last,
            // and it can't be read as an option because it starts with its scheme.
            let mut parts = browser.split_whitespace();
            let program = parts.next().unwrap_or_default();
            std::process::Command::new(program)
                .args(parts)
                .arg(url.as_str())
                .stdin(std::process::Stdio::null())
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn()
                .map(|mut child| {
                    // Reap it when it exits, without making the caller wait.
                    std::thread::spawn(move || child.wait());
                    Opened::Browser(program.to_string())
                })
                .map_err(|e| format!("could not start $BROWSER ({program}): {e}"))
        }
        None if !has_desktop() => Err("no desktop to open links in here (set $BROWSER)".into()),
        None => open::that_detached(url.as_str())
            .map(|()| Opened::Desktop)
            .map_err(|e| format!("no browser could be started ({e})")),
    }
}

/// Over SSH or on a console there is nothing for xdg-open to talk to; it would fail later,
/// out of sight, so say so now.
fn has_desktop() -> bool {
    if cfg!(any(target_os = "macos", target_os = "windows")) {
        return true;
    }
    ["DISPLAY", "WAYLAND_DISPLAY"]
        .iter()
        .any(|v| std::env::var_os(v).is_some_and(|x| !x.is_empty()))
}
