//! The detail pane: everything about the selected group except its meetings.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::super::action::Pane;
use super::super::app::App;
use super::super::theme::Theme;
use super::wrap::{Hanging, hanging};
use super::{pane_block, text_pane};
use crate::links;
use crate::model::Group;

pub fn draw(frame: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    let block = pane_block("Group", app, Pane::Detail, theme);
    let items = match app.selected_group() {
        Some(g) => lines(app, g, theme),
        None => vec![hanging(
            Line::from(Span::styled("no group selected", theme.dim)),
            0,
        )],
    };
    text_pane(frame, block, &items, app.detail_scroll, area, theme);
}

fn heading(text: &str, theme: &Theme) -> [Hanging; 2] {
    [
        hanging(Line::default(), 0),
        hanging(Line::from(Span::styled(text.to_string(), theme.heading)), 0),
    ]
}

/// An indented entry; a bullet's continuation lines hang under its text.
fn item(text: String) -> Hanging {
    let indent = if text.starts_with("• ") { 4 } else { 2 };
    hanging(Line::from(format!("  {text}")), indent)
}

fn dim(text: String, indent: usize, theme: &Theme) -> Hanging {
    hanging(Line::from(Span::styled(text, theme.dim)), indent)
}

pub fn lines(app: &App, g: &Group, theme: &Theme) -> Vec<Hanging> {
    let community = app
        .registry
        .community(&g.community)
        .map_or(g.community.clone(), |c| c.name.clone());
    let mut out = vec![
        hanging(Line::from(Span::styled(g.name.clone(), theme.title)), 0),
        dim(
            format!("{community} · {} · {}", g.kind.label(), g.id),
            0,
            theme,
        ),
    ];
    status(&mut out, app, g, theme);
    if let Some(place) = place(app, g) {
        out.push(dim(place, 2, theme));
    }
    if let Some(mission) = &g.mission {
        out.extend(heading("Mission", theme));
        out.push(item(mission.trim().to_string()));
    }
    if !g.goals.is_empty() {
        out.extend(heading("Goals", theme));
        out.extend(g.goals.iter().map(|goal| item(format!("• {goal}"))));
    }
    people_and_places(&mut out, g, theme);
    if !g.projects.is_empty() {
        out.extend(heading("Projects", theme));
        for p in &g.projects {
            out.push(hanging(Line::from(format!("  {}", p.summary())), 4));
            if !p.repos.is_empty() {
                out.push(dim(format!("    {}", p.repos.join(", ")), 4, theme));
            }
            let folders = crate::owner::folders(p);
            if !folders.is_empty() {
                out.push(dim(
                    format!("    OWNERS in {}", folders.join(", ")),
                    4,
                    theme,
                ));
            }
        }
    }
    let numbered = links::of_group(g);
    if !numbered.is_empty() {
        out.extend(heading("Links  (o, then the number, opens one)", theme));
        for (i, l) in numbered.iter().enumerate() {
            let line = Line::from(vec![
                Span::styled(format!("  {:>2} ", i + 1), theme.link_number),
                Span::raw(format!("{}  ", l.label)),
                Span::styled(l.url.clone(), theme.dim),
            ]);
            out.push(hanging(line, 6));
        }
    }
    out
}

/// "part of Specification: General · category specification": where the group sits in its
/// community's tree.
fn place(app: &App, g: &Group) -> Option<String> {
    let parent = g.parent.as_deref().map(|id| {
        let name = app.registry.group(id).map_or(id, |p| p.name.as_str());
        format!("part of {name}")
    });
    let category = g.category.as_deref().map(|c| format!("category {c}"));
    let parts: Vec<String> = [parent, category].into_iter().flatten().collect();
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// For groups that no longer meet: what happened, when, and where their work went.
fn status(out: &mut Vec<Hanging>, app: &App, g: &Group, theme: &Theme) {
    if !g.status.is_gone() && g.successor.is_none() {
        return;
    }
    let mut status = format!(
        "{} {}",
        super::list::status_mark(g.status),
        g.status.label()
    );
    if let Some(date) = &g.status_date {
        status.push_str(&format!(" since {date}"));
    }
    out.push(hanging(Line::from(Span::styled(status, theme.heading)), 2));
    if let Some(s) = &g.successor {
        let name = app
            .registry
            .group(s)
            .map_or(s.as_str(), |g| g.name.as_str());
        let line = Line::from(vec![
            Span::raw("  → "),
            Span::styled(name.to_string(), theme.title),
            Span::styled("  (n goes there)", theme.dim),
        ]);
        out.push(hanging(line, 4));
    }
    if let Some(note) = &g.status_note {
        out.push(item(note.clone()));
    }
}

fn people_and_places(out: &mut Vec<Hanging>, g: &Group, theme: &Theme) {
    if !g.leads.is_empty() {
        out.extend(heading("Leads", theme));
        for l in &g.leads {
            out.push(hanging(Line::from(format!("  {}", l.summary())), 4));
        }
    }
    if !g.chat.is_empty() {
        out.extend(heading("Chat  (s opens it)", theme));
        for c in &g.chat {
            let place = c
                .workspace
                .as_deref()
                .map(|w| format!(" on {w}"))
                .unwrap_or_default();
            out.push(item(format!("{}{place}", c.channel)));
        }
    }
    if !g.mailing_lists.is_empty() {
        out.extend(heading("Mailing lists  (m opens the first)", theme));
        out.extend(g.mailing_lists.iter().map(|l| item(l.title.clone())));
    }
}
