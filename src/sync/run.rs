//! One sync of several sources: each fetched on its own thread, validated, and stored with
//! its state; the outcome of each is reported as it lands.

use jiff::Timestamp;
use serde::Serialize;

use super::Settings;
use super::check::{Held, accept};
use super::fetch::{Client, Fetched};
use crate::formats::Format;
use crate::formats::cloudfoundry;
use crate::sources::Source;
use crate::sources::state::{Failure, State, Synced, Validators};
use crate::sources::store::{Page, Store, SyncedCopy};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// A new copy was accepted.
    Updated,
    /// The server confirmed the copy is current, or sent the same bytes again.
    Unchanged,
    /// Nothing was accepted; the last good copy (if any) stays.
    Failed,
}

/// What became of one source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Outcome {
    pub id: String,
    pub status: Status,
    /// The groups the source's copy holds now (the last good copy's when it failed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub groups: Option<usize>,
    /// A calendar's events, in place of groups.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub events: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// The reader's messages about a refused copy, `path:line:col: message`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<String>,
}

/// Syncs `sources` into `store` in parallel, calling `landed` as each finishes (from the
/// source's thread), and returns the outcomes in the order of `sources`.
pub fn sync(
    sources: &[Source],
    store: &Store,
    settings: &Settings,
    now: Timestamp,
    landed: &(dyn Fn(&Outcome) + Sync),
) -> Vec<Outcome> {
    let client = Client::new(*settings);
    store.remove_stale_temporaries();
    std::thread::scope(|scope| {
        let handles: Vec<_> = sources
            .iter()
            .map(|source| {
                let client = &client;
                scope.spawn(move || {
                    let outcome = one(source, store, client, now);
                    landed(&outcome);
                    outcome
                })
            })
            .collect();
        handles
            .into_iter()
            .zip(sources)
            .map(|(h, source)| {
                h.join().unwrap_or_else(|_| Outcome {
                    id: source.id.clone(),
                    status: Status::Failed,
                    groups: None,
                    events: None,
                    error: Some("townhall failed while syncing this source".into()),
                    problems: Vec::new(),
                })
            })
            .collect()
    })
}

fn one(source: &Source, store: &Store, client: &Client, now: Timestamp) -> Outcome {
    let mut state = store.state(&source.id);
    let current = store.copy(source);
    let result = fetch(source, client, current.as_ref(), &state);
    let outcome = match result {
        Err(reason) => Err((reason, Vec::new())),
        Ok(Fresh::Unchanged(validators)) => {
            if let Some(synced) = &mut state.synced {
                synced.documents = validators;
            }
            Ok(Status::Unchanged)
        }
        Ok(Fresh::Changed(copy, validators)) => match accept(source, &copy) {
            Err(rejected) => Err((rejected.reason, rejected.problems)),
            Ok(held) => {
                let (groups, events) = match held {
                    Held::Groups(n) => (n, None),
                    Held::Events(n) => (0, Some(n)),
                };
                state.synced = Some(Synced {
                    at: now,
                    changed: now,
                    url: source.location.to_string(),
                    groups,
                    events,
                    documents: validators,
                });
                state.failure = None;
                let saved = store.save(source, Some(&copy), &state);
                match saved {
                    Ok(()) => {
                        return Outcome {
                            id: source.id.clone(),
                            status: Status::Updated,
                            groups: events.is_none().then_some(groups),
                            events,
                            error: None,
                            problems: Vec::new(),
                        };
                    }
                    Err(e) => Err((
                        format!("cannot save the copy in {}: {e}", store.dir().display()),
                        Vec::new(),
                    )),
                }
            }
        },
    };
    match outcome {
        Ok(status) => {
            if let Some(synced) = &mut state.synced {
                synced.at = now;
            }
            state.failure = None;
            let saved = store.save(source, None, &state);
            Outcome {
                id: source.id.clone(),
                status,
                groups: held_groups(state.synced.as_ref()),
                events: state.synced.as_ref().and_then(|s| s.events),
                error: saved.err().map(|e| format!("cannot save the state: {e}")),
                problems: Vec::new(),
            }
        }
        Err((reason, problems)) => {
            state.failure = Some(Failure {
                at: now,
                reason: reason.clone(),
            });
            // The failure is worth remembering, but not worth hiding the reason for.
            let _ = store.save(source, None, &state);
            Outcome {
                id: source.id.clone(),
                status: Status::Failed,
                groups: held_groups(state.synced.as_ref()),
                events: state.synced.as_ref().and_then(|s| s.events),
                error: Some(reason),
                problems,
            }
        }
    }
}

/// The groups a last good copy holds; none for a calendar, which holds events.
fn held_groups(synced: Option<&Synced>) -> Option<usize> {
    synced.filter(|s| s.events.is_none()).map(|s| s.groups)
}

enum Fresh {
    /// With the validators to ask with next time.
    Unchanged(Vec<Validators>),
    Changed(SyncedCopy, Vec<Validators>),
}

/// Fetches the source's document and, for a source of several pages, each page it links;
/// pages the server says are unchanged are taken from the current copy.
fn fetch(
    source: &Source,
    client: &Client,
    current: Option<&SyncedCopy>,
    state: &State,
) -> Result<Fresh, String> {
    let mut pages: Vec<Page> = Vec::new();
    let mut validators: Vec<Validators> = Vec::new();
    let mut changed = false;
    let mut links = vec![String::new()];
    let mut i = 0;
    while i < links.len() {
        let link = links[i].clone();
        i += 1;
        let location = if link.is_empty() {
            source.location.clone()
        } else {
            source
                .location
                .join(&link)
                .ok_or_else(|| format!("cannot resolve {link} against {}", source.location))?
        };
        let url = location.to_string();
        let had = current.and_then(|c| c.page(&link));
        // Only ask "changed since?" about a page townhall still has a copy of.
        let previous = had.and_then(|_| state.validators(&link));
        let page = match client.get(&location, previous)? {
            Fetched::NotModified => match had {
                Some(page) => {
                    validators.push(previous.cloned().unwrap_or_default());
                    page.clone()
                }
                None => {
                    return Err(format!(
                        "{url}: the server said \"not modified\" about a page townhall has no copy of"
                    ));
                }
            },
            Fetched::NotFound if link.is_empty() => {
                return Err(format!("{url} was not found (404)"));
            }
            // A page the directory links but that is gone: the reader names what is missing.
            Fetched::NotFound => {
                changed |= had.is_some();
                continue;
            }
            Fetched::Body {
                bytes,
                etag,
                last_modified,
            } => {
                let text = String::from_utf8(bytes).map_err(|e| {
                    format!(
                        "{url} is not UTF-8 text (invalid byte at {})",
                        e.utf8_error().valid_up_to()
                    )
                })?;
                changed |= had.is_none_or(|p| p.text != text);
                validators.push(Validators {
                    link: link.clone(),
                    etag,
                    last_modified,
                });
                Page {
                    link: link.clone(),
                    url,
                    text,
                }
            }
        };
        if link.is_empty() && source.format == Some(Format::CloudFoundry) {
            links.extend(cloudfoundry::linked(&page.text));
        }
        pages.push(page);
    }
    // A page the copy had that the directory no longer links is a change too.
    let dropped = current.is_some_and(|c| {
        c.documents
            .iter()
            .any(|p| !pages.iter().any(|q| q.link == p.link))
    });
    if !changed && !dropped && current.is_some() {
        return Ok(Fresh::Unchanged(validators));
    }
    Ok(Fresh::Changed(SyncedCopy { documents: pages }, validators))
}
