//! Registry text is written by strangers and ends up on a terminal. Control characters could
//! move the cursor, retitle the window or hide text; bidi overrides and zero-width characters
//! can make a link read as something it isn't. They are removed once, when a file is loaded.

use crate::model::{Community, Group, Link, Meeting, Phone, ScheduleSpec, Source};

/// Unicode's invisible and direction characters (see `crate::untrusted::invisible`).
pub use super::invisible::is_invisible;

/// Characters that have no business in registry text (newlines do: missions have them).
pub fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n') || is_invisible(c)
}

/// Tabs become spaces (they are whitespace people meant); every other unsafe char is dropped.
pub fn clean(text: &mut String) {
    if text.chars().any(is_unsafe) {
        *text = text
            .chars()
            .filter_map(|c| match c {
                '\t' => Some(' '),
                c if is_unsafe(c) => None,
                c => Some(c),
            })
            .collect();
    }
}

fn clean_opt(text: &mut Option<String>) {
    if let Some(t) = text {
        clean(t);
    }
}

/// A link is cleaned like text, and a web link with a non-ASCII host takes its punycode form
/// (see `untrusted::host::ascii_form`; `validate` warns about it).
fn clean_url(url: &mut String) {
    clean(url);
    if let Some(ascii) = crate::untrusted::host::ascii_form(url) {
        *url = ascii;
    }
}

fn clean_url_opt(url: &mut Option<String>) {
    if let Some(u) = url {
        clean_url(u);
    }
}

fn clean_all(texts: &mut [String]) {
    texts.iter_mut().for_each(clean);
}

fn clean_links(links: &mut [Link]) {
    for link in links {
        clean(&mut link.title);
        clean_url(&mut link.url);
    }
}

fn clean_sources(sources: &mut [Source]) {
    for s in sources {
        for t in [
            &mut s.repo,
            &mut s.path,
            &mut s.commit,
            &mut s.license,
            &mut s.url,
            &mut s.note,
        ] {
            clean_opt(t);
        }
    }
}

pub fn clean_community(c: &mut Community) {
    clean(&mut c.id);
    clean(&mut c.name);
    clean_opt(&mut c.short);
    clean_url_opt(&mut c.homepage);
    clean_links(&mut c.links);
    clean_sources(&mut c.sources);
}

pub fn clean_group(g: &mut Group) {
    for t in [&mut g.id, &mut g.name, &mut g.community] {
        clean(t);
    }
    for t in [
        &mut g.successor,
        &mut g.parent,
        &mut g.category,
        &mut g.status_date,
        &mut g.status_note,
        &mut g.mission,
    ] {
        clean_opt(t);
    }
    clean_all(&mut g.goals);
    for lead in &mut g.leads {
        clean(&mut lead.name);
        for t in [&mut lead.role, &mut lead.company, &mut lead.github] {
            clean_opt(t);
        }
    }
    for chat in &mut g.chat {
        clean(&mut chat.channel);
        for t in [&mut chat.id, &mut chat.workspace] {
            clean_opt(t);
        }
        clean_url_opt(&mut chat.url);
    }
    clean_links(&mut g.mailing_lists);
    g.meetings.iter_mut().for_each(clean_meeting);
    for p in &mut g.projects {
        clean(&mut p.name);
        clean_opt(&mut p.description);
        clean_url_opt(&mut p.url);
        clean_all(&mut p.aliases);
        clean_all(&mut p.repos);
        clean_all(&mut p.owners);
    }
    clean_links(&mut g.links);
    clean_sources(&mut g.sources);
}

fn clean_phones(phones: &mut [Phone]) {
    for p in phones {
        clean(&mut p.number);
        clean_opt(&mut p.region);
    }
}

fn clean_meeting(m: &mut Meeting) {
    clean(&mut m.title);
    clean(&mut m.published);
    if let Some(ScheduleSpec {
        anchor,
        on,
        date,
        at,
        zone,
        ..
    }) = &mut m.schedule
    {
        clean_opt(anchor);
        clean_opt(date);
        clean_all(on);
        clean(at);
        clean(zone);
    }
    clean_all(&mut m.projects);
    for t in [
        &mut m.id,
        &mut m.meeting_id,
        &mut m.passcode,
        &mut m.remarks,
    ] {
        clean_opt(t);
    }
    for url in [
        &mut m.join,
        &mut m.international,
        &mut m.notes,
        &mut m.calendar,
    ] {
        clean_url_opt(url);
    }
    clean_phones(&mut m.one_tap);
    clean_phones(&mut m.dial_in);
    m.recordings.iter_mut().for_each(clean_url);
    clean_links(&mut m.links);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_escapes_and_invisible_characters_but_keeps_text() {
        let mut s = String::from("Se\u{1b}]0;pwned\u{7}rvi\u{200B}ce\tWG\u{202E}\nnext");
        clean(&mut s);
        assert_eq!(s, "Se]0;pwnedrvice WG\nnext");
    }

    #[test]
    fn reaches_nested_meeting_fields() {
        let mut g = Group {
            meetings: vec![Meeting {
                join: Some("\u{200B}https://zoom.us/j/1".into()),
                ..Meeting::default()
            }],
            ..Group::default()
        };
        clean_group(&mut g);
        assert_eq!(g.meetings[0].join.as_deref(), Some("https://zoom.us/j/1"));
    }

    #[test]
    fn removes_what_a_hand_list_would_miss() {
        let mut s = String::from("a\u{061C}b\u{00AD}c\u{180E}d\u{2028}e\u{E0041}f\u{FFF9}g");
        clean(&mut s);
        assert_eq!(s, "abcdefg");
    }

    #[test]
    fn keeps_accents_cjk_and_emoji() {
        let mut s = String::from("Jörg 中文 🚀");
        clean(&mut s);
        assert_eq!(s, "Jörg 中文 🚀");
    }
}
