//! `townhall show` and the browser's panes say the same things: every item of a group's
//! description is in both, label and text on one line, its link and further lines too.

use super::super::{detail, meetings};
use crate::present::{Description, describe_group};
use crate::tui::app::App;
use crate::tui::testing::app;
use crate::tui::theme::Theme;

fn show_text(d: &Description) -> String {
    let mut out = Vec::new();
    crate::cli::show::write_group(&mut out, d).unwrap();
    String::from_utf8(out).unwrap()
}

/// The panes' lines before wrapping, as text.
fn pane_text(app: &App, id: &str) -> String {
    let g = app.data.registry.group(id).unwrap();
    let theme = Theme::new(false);
    let lines = detail::lines(app, g, &theme)
        .into_iter()
        .chain(meetings::lines(app, g, &theme));
    let text: Vec<String> = lines
        .map(|h| h.line.spans.iter().map(|s| s.content.as_ref()).collect())
        .collect();
    text.join("\n")
}

/// Whether one line of `text` holds all of `parts`, in order.
fn on_one_line(text: &str, parts: &[&str]) -> bool {
    text.lines().any(|line| {
        let mut rest = line;
        parts.iter().all(|p| match rest.find(p) {
            Some(i) => {
                rest = &rest[i + p.len()..];
                true
            }
            None => false,
        })
    })
}

#[test]
fn show_and_the_panes_carry_every_item_of_the_description() {
    let app = app();
    // A group with a monthly meeting, an archived one with dial-ins and a successor-less
    // note, and a Kubernetes SIG with subproject meetings and OWNERS folders.
    for id in [
        "cf-app-runtime-interfaces",
        "cncf-wg-serverless",
        "kubernetes-sig-node",
    ] {
        let g = app.data.registry.group(id).unwrap();
        let d = describe_group(g, &app.data.registry);
        let (show, panes) = (show_text(&d), pane_text(&app, id));
        let mut checked = 0;
        for (name, rendered) in [("show", &show), ("panes", &panes)] {
            assert!(on_one_line(rendered, &[&d.name, &d.id]), "{name}: {id}");
            assert!(on_one_line(rendered, &[&d.summary]), "{name}: {id}");
            let sections = d.sections.iter().chain(&d.meetings);
            for item in d.about.iter().chain(sections.flat_map(|s| &s.items)) {
                let label = item.label.as_deref().filter(|l| !l.is_empty());
                let mut parts: Vec<&str> = label.into_iter().collect();
                parts.push(&item.text);
                parts.extend(item.link.as_deref());
                assert!(on_one_line(rendered, &parts), "{name}: {id}: {parts:?}");
                for more in &item.more {
                    assert!(on_one_line(rendered, &[more]), "{name}: {id}: {more}");
                }
                checked += 1;
            }
            for s in &d.sections {
                assert!(on_one_line(rendered, &[&s.title]), "{name}: {id}");
            }
        }
        assert!(checked > 20, "{id}: only {checked} items");
        assert!(!d.meetings.is_empty(), "{id}");
    }
}
