//! The detail pane: everything about the selected group except its meetings.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::super::action::Pane;
use super::super::app::App;
use super::super::theme::Theme;
use super::pane_block;
use crate::links;
use crate::registry::Group;

pub fn draw(frame: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    let block = pane_block("Group", app, Pane::Detail, theme);
    let lines = match app.selected_group() {
        Some(g) => lines(app, g, theme),
        None => vec![Line::from(Span::styled("no group selected", theme.dim))],
    };
    let p = Paragraph::new(lines)
        .block(block)
        .wrap(Wrap { trim: false })
        .scroll((app.detail_scroll, 0));
    frame.render_widget(p, area);
}

fn heading(text: &str, theme: &Theme) -> [Line<'static>; 2] {
    [
        Line::default(),
        Line::from(Span::styled(text.to_string(), theme.heading)),
    ]
}

fn item(text: String) -> Line<'static> {
    Line::from(format!("  {text}"))
}

pub fn lines(app: &App, g: &Group, theme: &Theme) -> Vec<Line<'static>> {
    let community = app
        .registry
        .community(&g.community)
        .map_or(g.community.clone(), |c| c.name.clone());
    let mut out = vec![
        Line::from(Span::styled(g.name.clone(), theme.title)),
        Line::from(Span::styled(
            format!("{community} · {} · {}", g.kind.label(), g.id),
            theme.dim,
        )),
    ];
    if g.status.is_gone() || g.successor.is_some() {
        let mut status = format!(
            "{} {}",
            super::list::status_mark(g.status),
            g.status.label()
        );
        if let Some(date) = &g.status_date {
            status.push_str(&format!(" since {date}"));
        }
        out.push(Line::from(Span::styled(status, theme.heading)));
        if let Some(s) = &g.successor {
            let name = app
                .registry
                .group(s)
                .map_or(s.as_str(), |g| g.name.as_str());
            out.push(Line::from(vec![
                Span::raw("  → "),
                Span::styled(name.to_string(), theme.title),
                Span::styled("  (n goes there)", theme.dim),
            ]));
        }
        if let Some(note) = &g.status_note {
            out.push(item(note.clone()));
        }
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
            let desc = p
                .description
                .as_deref()
                .map(|d| format!(" — {d}"))
                .unwrap_or_default();
            out.push(item(format!("{}{desc}", p.name)));
            if !p.repos.is_empty() {
                out.push(Line::from(Span::styled(
                    format!("    {}", p.repos.join(", ")),
                    theme.dim,
                )));
            }
        }
    }
    let numbered = links::of_group(g);
    if !numbered.is_empty() {
        out.extend(heading("Links  (o, then the number, opens one)", theme));
        for (i, l) in numbered.iter().enumerate() {
            out.push(Line::from(vec![
                Span::styled(format!("  {:>2} ", i + 1), theme.link_number),
                Span::raw(format!("{}  ", l.label)),
                Span::styled(l.url.clone(), theme.dim),
            ]));
        }
    }
    out
}

fn people_and_places(out: &mut Vec<Line<'static>>, g: &Group, theme: &Theme) {
    if !g.leads.is_empty() {
        out.extend(heading("Leads", theme));
        for l in &g.leads {
            let handle = l
                .github
                .as_deref()
                .map(|h| format!(" @{h}"))
                .unwrap_or_default();
            let details: Vec<&str> = [l.role.as_deref(), l.company.as_deref()]
                .into_iter()
                .flatten()
                .collect();
            let details = if details.is_empty() {
                String::new()
            } else {
                format!(" — {}", details.join(", "))
            };
            out.push(item(format!("{}{handle}{details}", l.name)));
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
