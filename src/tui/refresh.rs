//! Syncing from the browser: `R`, or by itself when the data is older than `sync.max_age`.
//! The sync runs on a thread of the driver (`tui::background`); here is only what the state
//! does about it: start (unless offline, `--no-builtin` or already running), count progress,
//! and swap in the reloaded registry when it lands, keeping the selection, the filter and the
//! view. Typing is never blocked, and a sync that fails says so in one line of the status bar.

use std::sync::Arc;

use crate::sync::{Outcome, Status};

use super::app::App;
use super::effect::Effect;
pub use super::syncing::{Landed, Reloaded, Syncing};

/// `R` (`auto` false) or the browser's own start-up check (`auto` true).
pub fn start(app: &mut App, auto: bool) -> Option<Effect> {
    if app.only_named {
        if !auto {
            app.status =
                Some("--no-builtin loads only the files named, so nothing is synced".into());
        }
        return None;
    }
    if app.offline {
        if !auto {
            app.status = Some("offline (--offline or TOWNHALL_OFFLINE): nothing is synced".into());
        }
        return None;
    }
    if app.syncing.is_some() {
        if !auto {
            app.status = Some("already syncing".into());
        }
        return None;
    }
    app.syncing = Some(Syncing {
        auto,
        done: 0,
        total: 0,
    });
    Some(Effect::Sync)
}

pub fn progress(app: &mut App, done: usize, total: usize) {
    if let Some(s) = &mut app.syncing {
        s.done = done;
        s.total = total;
    }
}

pub fn landed(app: &mut App, landed: Landed) {
    let auto = app.syncing.take().is_some_and(|s| s.auto);
    app.freshness = Some(landed.freshness);
    let failed: Vec<&Outcome> = landed
        .outcomes
        .iter()
        .filter(|o| o.status == Status::Failed)
        .collect();
    let updated = landed
        .outcomes
        .iter()
        .filter(|o| o.status == Status::Updated)
        .count();
    let reload_error = match landed.registry {
        Ok(reloaded) => {
            if updated > 0 {
                let Reloaded {
                    registry,
                    calendars,
                } = Arc::unwrap_or_clone(reloaded);
                app.replace_registry(registry, calendars);
            }
            None
        }
        Err(e) => Some(e),
    };
    let first_failure = failed
        .first()
        .map(|o| format!("{}: {}", o.id, o.error.as_deref().unwrap_or("failed")));
    app.status = match (auto, &reload_error, failed.len(), first_failure) {
        (_, Some(e), _, _) => Some(format!(
            "synced, but the data could not be loaded again: {e}"
        )),
        (true, None, 0, _) => {
            Some(format!("data synced: {updated} source(s) updated")).filter(|_| updated > 0)
        }
        (true, None, n, Some(first)) => Some(format!(
            "background sync: {n} source(s) failed ({first}); the data townhall has stays in use"
        )),
        (false, None, n, first) => {
            let unchanged = landed.outcomes.len() - updated - n;
            let mut text = format!("synced: {updated} updated, {unchanged} unchanged");
            if let Some(first) = first {
                text.push_str(&format!(", {n} failed ({first})"));
            }
            Some(text)
        }
        (true, None, _, None) => None,
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Registry;
    use crate::registry::{self, Sources};
    use crate::sources::freshness::Freshness;
    use crate::state::State;
    use crate::tui::action::Action;
    use crate::tui::update::update;

    fn app() -> App {
        let loaded = registry::load(&Sources::builtin_only());
        App::new(
            loaded.registry,
            State::default(),
            "2026-12-21T00:00:00Z".parse().unwrap(),
            jiff::tz::TimeZone::UTC,
        )
    }

    fn outcome(id: &str, status: Status, error: Option<&str>) -> Outcome {
        Outcome {
            id: id.into(),
            status,
            groups: Some(1),
            events: None,
            error: error.map(Into::into),
            problems: Vec::new(),
        }
    }

    fn landing(registry: Registry, outcomes: Vec<Outcome>) -> Action {
        Action::SyncLanded(Box::new(Landed {
            outcomes,
            registry: Ok(Arc::new(Reloaded {
                registry,
                calendars: crate::agenda::Calendars::default(),
            })),
            freshness: Freshness::Synced("2026-12-21T00:00:00Z".parse().unwrap()),
        }))
    }

    #[test]
    fn with_only_named_files_neither_r_nor_the_start_up_check_syncs() {
        let mut app = app();
        app.only_named = true;
        assert_eq!(update(&mut app, Action::AutoSync), None);
        assert_eq!(app.status, None, "the start-up check stays quiet");
        assert_eq!(update(&mut app, Action::Sync), None);
        assert!(app.status.as_deref().unwrap().contains("--no-builtin"));
        assert_eq!(app.syncing, None);
    }

    #[test]
    fn offline_neither_r_nor_the_start_up_check_syncs() {
        let mut app = app();
        app.offline = true;
        assert_eq!(update(&mut app, Action::AutoSync), None);
        assert_eq!(app.status, None, "the start-up check stays quiet");
        assert_eq!(update(&mut app, Action::Sync), None);
        assert!(app.status.as_deref().unwrap().contains("offline"));
        assert_eq!(app.syncing, None);
    }

    #[test]
    fn one_sync_at_a_time() {
        let mut app = app();
        assert_eq!(update(&mut app, Action::Sync), Some(Effect::Sync));
        assert_eq!(update(&mut app, Action::Sync), None);
        assert_eq!(app.status.as_deref(), Some("already syncing"));
        assert_eq!(update(&mut app, Action::AutoSync), None);
    }

    #[test]
    fn a_landed_sync_refreshes_the_list_keeping_the_filter_and_the_selection() {
        let mut app = app();
        update(&mut app, Action::StartSearch);
        for c in "uaa".chars() {
            update(&mut app, Action::Type(c));
        }
        update(&mut app, Action::AcceptSearch);
        update(&mut app, Action::Down);
        let selected = app.selected_group().unwrap().id.clone();
        update(&mut app, Action::Sync);
        update(&mut app, Action::SyncProgress { done: 1, total: 6 });
        assert_eq!(app.syncing.map(|s| (s.done, s.total)), Some((1, 6)));
        // The new data: one more group that the filter finds, listed first.
        let mut registry = (*app.data.registry).clone();
        let mut extra = registry.group(&selected).unwrap().clone();
        extra.id = "x-uaa".into();
        extra.name = "UAA".into();
        registry.groups.insert(0, extra);
        let before = app.browse.rows.len();
        update(
            &mut app,
            landing(
                registry,
                vec![
                    outcome("kubernetes", Status::Updated, None),
                    outcome("kubevirt", Status::Failed, Some("the server answered 500")),
                ],
            ),
        );
        assert_eq!(app.filters.text, "uaa");
        assert_eq!(app.browse.rows.len(), before + 1);
        assert_eq!(app.selected_group().unwrap().id, selected);
        assert_eq!(app.syncing, None);
        assert_eq!(
            app.status.as_deref(),
            Some("synced: 1 updated, 0 unchanged, 1 failed (kubevirt: the server answered 500)")
        );
        assert!(matches!(app.freshness, Some(Freshness::Synced(_))));
    }

    #[test]
    fn a_background_sync_that_fails_is_one_quiet_line_and_one_that_changes_nothing_is_silent() {
        let mut app = app();
        update(&mut app, Action::AutoSync);
        let registry = (*app.data.registry).clone();
        update(
            &mut app,
            landing(
                registry.clone(),
                vec![outcome(
                    "kubevirt",
                    Status::Failed,
                    Some("no complete answer within 60 s"),
                )],
            ),
        );
        let status = app.status.clone().unwrap();
        assert!(
            status.starts_with("background sync: 1 source(s) failed (kubevirt: no complete answer"),
            "{status}"
        );
        assert!(!status.contains('\n'));
        app.status = None;
        update(&mut app, Action::AutoSync);
        update(
            &mut app,
            landing(
                registry,
                vec![outcome("kubernetes", Status::Unchanged, None)],
            ),
        );
        assert_eq!(app.status, None);
    }
}
