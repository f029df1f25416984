//! Registry text is written by strangers and ends up on a terminal. Control characters could
//! move the cursor, retitle the window or hide text; bidi overrides and zero-width characters
//! can make a link read as something it isn't. They are removed once, when a file is loaded.

use crate::model::{Community, Group, Link, Meeting, Phone, ScheduleSpec, Source};

/// Zero-width characters and bidi controls: invisible, yet able to change how text reads.
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

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

fn clean_all(texts: &mut [String]) {
    texts.iter_mut().for_each(clean);
}

fn clean_links(links: &mut [Link]) {
    for link in links {
        clean(&mut link.title);
        clean(&mut link.url);
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
    clean_opt(&mut c.homepage);
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
        for t in [&mut chat.id, &mut chat.workspace, &mut chat.url] {
            clean_opt(t);
        }
    }
    clean_links(&mut g.mailing_lists);
    g.meetings.iter_mut().for_each(clean_meeting);
    for p in &mut g.projects {
        clean(&mut p.name);
        clean_opt(&mut p.description);
        clean_opt(&mut p.url);
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
    for t in [
        &mut m.project,
        &mut m.join,
        &mut m.meeting_id,
        &mut m.passcode,
        &mut m.international,
        &mut m.notes,
        &mut m.calendar,
        &mut m.remarks,
    ] {
        clean_opt(t);
    }
    clean_phones(&mut m.one_tap);
    clean_phones(&mut m.dial_in);
    clean_all(&mut m.recordings);
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
    fn keeps_accents_cjk_and_emoji() {
        let mut s = String::from("Jörg 中文 🚀");
        clean(&mut s);
        assert_eq!(s, "Jörg 中文 🚀");
    }
}
