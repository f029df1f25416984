//! A series: every VEVENT sharing one UID. The master holds the recurrence; each override
//! (an event with RECURRENCE-ID) replaces one instance: moved, retitled or cancelled.

use super::Warning;
use super::call::CallKey;
use super::event::{Event, Start};

#[derive(Debug, Clone)]
pub struct Series {
    pub uid: String,
    /// The event without RECURRENCE-ID. Feeds sometimes hold only overrides (the series
    /// itself is private or was deleted); each then stands alone.
    pub master: Option<Event>,
    pub overrides: Vec<Event>,
}

impl Series {
    /// The event that speaks for the series: the master, or else the first override.
    pub fn lead(&self) -> &Event {
        self.master
            .as_ref()
            .or(self.overrides.first())
            .expect("a series holds at least one event")
    }

    pub fn title(&self) -> &str {
        &self.lead().summary
    }

    pub fn line(&self) -> usize {
        self.lead().line
    }

    pub fn events(&self) -> impl Iterator<Item = &Event> {
        self.master.iter().chain(&self.overrides)
    }

    /// Every call any of its events names.
    pub fn call_keys(&self) -> impl Iterator<Item = &CallKey> {
        self.events().flat_map(|e| e.call_keys.iter())
    }

    /// The series' join link: the master's, else the first an override gives.
    pub fn join(&self) -> Option<&str> {
        self.events().find_map(Event::join)
    }
}

/// Events grouped by UID, in the order their UIDs first appear. Of two masters (or two
/// overrides of one instance) with the same UID, the higher SEQUENCE wins, the later on a
/// tie, and the other is a warning.
pub fn group(events: Vec<Event>, warnings: &mut Vec<Warning>) -> Vec<Series> {
    let mut series: Vec<Series> = Vec::new();
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for event in events {
        let i = *index.entry(event.uid.clone()).or_insert_with(|| {
            series.push(Series {
                uid: event.uid.clone(),
                master: None,
                overrides: Vec::new(),
            });
            series.len() - 1
        });
        let s = &mut series[i];
        match &event.recurrence_id {
            None => {
                if let Some(old) = s.master.take() {
                    let (kept, dropped) = newer(old, event);
                    warnings.push(Warning::new(
                        dropped.line,
                        format!(
                            "another event on line {} has the same UID `{}`; that one is used",
                            kept.line, kept.uid
                        ),
                    ));
                    s.master = Some(kept);
                } else {
                    s.master = Some(event);
                }
            }
            Some(rid) => {
                let same = s.overrides.iter().position(|o| {
                    o.recurrence_id
                        .as_ref()
                        .is_some_and(|r| same_instance(r, rid))
                });
                match same {
                    Some(j) => {
                        let old = s.overrides.remove(j);
                        let (kept, dropped) = newer(old, event);
                        warnings.push(Warning::new(
                            dropped.line,
                            format!(
                                "the override on line {} changes the same instance; that one is used",
                                kept.line
                            ),
                        ));
                        s.overrides.push(kept);
                    }
                    None => s.overrides.push(event),
                }
            }
        }
    }
    series
}

fn newer(old: Event, new: Event) -> (Event, Event) {
    if new.sequence >= old.sequence {
        (new, old)
    } else {
        (old, new)
    }
}

/// Whether two starts name the same instance: equal instants, or for a date, the same day.
pub fn same_instance(a: &Start, b: &Start) -> bool {
    match (a, b) {
        (Start::At(x), Start::At(y)) => x.timestamp() == y.timestamp(),
        (Start::Day(x), Start::Day(y)) => x == y,
        (Start::At(x), Start::Day(d)) | (Start::Day(d), Start::At(x)) => x.date() == *d,
    }
}
