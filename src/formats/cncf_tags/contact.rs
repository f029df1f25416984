//! `contact`: a Slack channel id (and, once in the file, the channel's name), a mailing list
//! and the TOC liaisons.

use super::people::{self, Scope};
use crate::formats::{Reader, handles};
use crate::model::{Group, Link, LinkKind};
use crate::yaml::node::Node;

const CONTACT_KEYS: &[&str] = &["slack", "slack_channel", "mailing_list", "toc_liaison"];

pub fn read(reader: &mut Reader, contact: &Node, scope: &Scope, group: &mut Group) {
    reader.keys(contact, "`contact`", CONTACT_KEYS);
    chat(reader, contact, group);
    if let Some(url) = reader.url(contact, "mailing_list", None) {
        mailing_list(group, url);
    }
    people::liaisons(reader, contact, scope, &mut group.leads);
}

/// Subprojects often repeat their TAG's channel ("Using parent TAG's contact"), so a channel
/// id already listed is not listed again; a name given the second time is kept.
fn chat(reader: &mut Reader, contact: &Node, group: &mut Group) {
    let id = contact
        .get("slack")
        .and_then(|v| handles::segment(reader, v, "slack"));
    let name = reader.text(contact, "slack_channel").map(|n| {
        if n.starts_with('#') {
            n
        } else {
            format!("#{n}")
        }
    });
    let Some(channel) = name.clone().or_else(|| id.clone()) else {
        return;
    };
    if let Some(existing) = group
        .chat
        .iter_mut()
        .find(|c| c.channel == channel || (id.is_some() && c.id == id))
    {
        if let Some(name) = name
            && existing.id.as_ref() == Some(&existing.channel)
        {
            existing.channel = name;
        }
        return;
    }
    group
        .chat
        .push(crate::formats::cloud_native_slack(channel, id));
}

/// Listed once however many subprojects share it; a trailing `/` doesn't make it another.
fn mailing_list(group: &mut Group, url: String) {
    let same = |a: &str, b: &str| {
        a.trim_end_matches('/')
            .eq_ignore_ascii_case(b.trim_end_matches('/'))
    };
    if group.mailing_lists.iter().any(|l| same(&l.url, &url)) {
        return;
    }
    group.mailing_lists.push(Link {
        kind: LinkKind::MailingList,
        title: list_title(&url),
        url,
    });
}

/// "cncf-tag-infrastructure (lists.cncf.io)" for a groups.io list (`/g/<name>`).
fn list_title(url: &str) -> String {
    let Ok(parsed) = url::Url::parse(url) else {
        return "Mailing list".into();
    };
    if parsed.scheme() == "mailto" {
        return format!("Mailing list ({})", parsed.path());
    }
    let host = parsed.host_str().unwrap_or_default();
    let segments: Vec<&str> = parsed
        .path_segments()
        .map(|s| s.filter(|p| !p.is_empty()).collect())
        .unwrap_or_default();
    match segments[..] {
        ["g", name, ..] => format!("{name} ({host})"),
        _ => format!("Mailing list ({host})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_titled_by_their_name_and_host() {
        assert_eq!(
            list_title("https://lists.cncf.io/g/cncf-tag-developer-experience/"),
            "cncf-tag-developer-experience (lists.cncf.io)"
        );
        assert_eq!(
            list_title("https://groups.google.com/forum/#!forum/x"),
            "Mailing list (groups.google.com)"
        );
        assert_eq!(
            list_title("mailto:tag@lists.cncf.io"),
            "Mailing list (tag@lists.cncf.io)"
        );
    }
}
