//! Markdown inside one line of a foreign file, read as the words a reader sees: Cloud
//! Foundry's pages are Markdown throughout, and the YAML formats put a link in a name now
//! and then ("Communications (Website, [Documentation](https://...), etc.)").

/// An inline link: its text and target as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InlineLink {
    pub text: String,
    pub target: String,
}

/// Every `[text](target)` in `text`, in order. Images (`![..](..)`) are skipped.
pub fn links(text: &str) -> Vec<InlineLink> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let is_image = rest[..open].ends_with('!');
        let after = &rest[open + 1..];
        let Some(close) = matching_bracket(after) else {
            break;
        };
        let label = &after[..close];
        let tail = &after[close + 1..];
        if let Some(target_part) = tail.strip_prefix('(')
            && let Some(end) = target_part.find(')')
        {
            if !is_image {
                found.push(InlineLink {
                    text: plain(label),
                    target: target_part[..end].trim().to_string(),
                });
            }
            rest = &target_part[end + 1..];
        } else {
            rest = tail;
        }
    }
    found
}

/// Where the `]` closing a `[` (already consumed) is, allowing nested brackets.
fn matching_bracket(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in text.char_indices() {
        match c {
            '[' => depth += 1,
            ']' if depth == 0 => return Some(i),
            ']' => depth -= 1,
            _ => {}
        }
    }
    None
}

/// Markdown reduced to the words a reader sees: links become their text, images, HTML tags
/// and emphasis and code marks (`*`, `` ` ``) go, the few entities these pages use are decoded, and runs of spaces
/// collapse.
pub fn plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("![")
            && let Some(close) = matching_bracket(after)
            && let Some(target) = after[close + 1..].strip_prefix('(')
            && let Some(end) = target.find(')')
        {
            rest = &target[end + 1..];
            continue;
        }
        if let Some(after) = rest.strip_prefix('[')
            && let Some(close) = matching_bracket(after)
        {
            let tail = &after[close + 1..];
            if let Some(target) = tail.strip_prefix('(')
                && let Some(end) = target.find(')')
            {
                out.push_str(&plain(&after[..close]));
                rest = &target[end + 1..];
                continue;
            }
        }
        if rest.starts_with('<')
            && let Some(end) = rest.find('>')
            && is_tag(&rest[1..end])
        {
            out.push(' ');
            rest = &rest[end + 1..];
            continue;
        }
        if let Some((entity, len)) = entity(rest) {
            out.push(entity);
            rest = &rest[len..];
            continue;
        }
        let c = rest.chars().next().unwrap_or(' ');
        if !matches!(c, '*' | '`') {
            out.push(c);
        }
        rest = &rest[c.len_utf8()..];
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `br`, `/img ...`, `img src=...`: an HTML tag rather than a `<` in prose.
fn is_tag(inside: &str) -> bool {
    let name = inside.trim_start_matches('/');
    name.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && name
            .split(|c: char| c.is_whitespace() || c == '/')
            .next()
            .is_some_and(|n| n.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// The entities Cloud Foundry's pages use, and numeric ones.
fn entity(text: &str) -> Option<(char, usize)> {
    if !text.starts_with('&') {
        return None;
    }
    let end = text.char_indices().take(12).find(|(_, c)| *c == ';')?.0;
    let name = &text[1..end];
    let c = match name {
        "nbsp" => ' ',
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "middot" => '·',
        "ndash" => '–',
        "mdash" => '—',
        _ => {
            let code = if let Some(hex) = name.strip_prefix("#x").or(name.strip_prefix("#X")) {
                u32::from_str_radix(hex, 16).ok()?
            } else {
                name.strip_prefix('#')?.parse().ok()?
            };
            char::from_u32(code).filter(|c| !c.is_control())?
        }
    };
    Some((c, end + 1))
}
