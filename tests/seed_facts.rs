//! The built-in registry holds the facts of the three seed documents (the seeds the product was specified from).
//! Each check names one fact; together they are well over forty.

use townhall::model::{Group, Registry, Status, Toll};
use townhall::registry::{self, Sources};

fn builtin() -> Registry {
    let loaded = registry::load(&Sources::builtin_only());
    assert!(!loaded.has_errors(), "{:#?}", loaded.problems);
    loaded.registry
}

fn group<'r>(r: &'r Registry, id: &str) -> &'r Group {
    r.group(id).unwrap_or_else(|| panic!("no group {id}"))
}

/// Every URL a group mentions anywhere, for "this link is there" facts.
fn urls(g: &Group) -> Vec<&str> {
    let mut all: Vec<&str> = g
        .links
        .iter()
        .chain(&g.mailing_lists)
        .map(|l| l.url.as_str())
        .collect();
    all.extend(g.chat.iter().filter_map(|c| c.url.as_deref()));
    all.extend(g.projects.iter().filter_map(|p| p.url.as_deref()));
    for m in &g.meetings {
        all.extend(
            [&m.join, &m.international, &m.notes, &m.calendar]
                .into_iter()
                .flatten()
                .map(String::as_str),
        );
        all.extend(m.recordings.iter().map(String::as_str));
        all.extend(m.links.iter().map(|l| l.url.as_str()));
    }
    all
}

fn has_url(g: &Group, fragment: &str) -> bool {
    urls(g).iter().any(|u| u.contains(fragment))
}

#[test]
fn serverless_wg_facts_from_the_2018_readme_and_the_charter() {
    let r = builtin();
    let wg = group(&r, "cncf-wg-serverless");
    let mut facts = 0;
    let mut fact = |ok: bool, what: &str| {
        assert!(ok, "missing: {what}");
        facts += 1;
    };
    fact(
        wg.leads.iter().any(|l| {
            l.name == "Ken Owens" && l.role.as_deref().is_some_and(|r| r.contains("TOC sponsor"))
        }),
        "TOC sponsor Ken Owens",
    );
    fact(
        wg.leads.iter().any(|l| l.name == "Doug Davis"),
        "lead Doug Davis",
    );
    fact(
        wg.goals
            .iter()
            .any(|g| g.contains("Define common terminology")),
        "goal: common terminology",
    );
    fact(
        wg.goals
            .iter()
            .any(|g| g.contains("relative to PaaS and container orchestration")),
        "goal: PaaS",
    );
    fact(
        wg.goals
            .iter()
            .any(|g| g.contains("harmonization or interop")),
        "goal: interop",
    );
    fact(
        wg.chat.iter().any(|c| {
            c.channel == "#serverless" && c.url.as_deref() == Some("https://slack.cncf.io/")
        }),
        "#serverless on slack.cncf.io",
    );
    fact(
        has_url(
            wg,
            "https://groups.google.com/forum/#!forum/cncf-wg-serverless",
        ),
        "Google group",
    );
    fact(
        has_url(wg, "https://lists.cncf.io/g/cncf-wg-serverless"),
        "lists.cncf.io list",
    );
    fact(
        wg.projects
            .iter()
            .any(|p| p.name == "CloudEvents" && p.repos.iter().any(|r| r == "cloudevents/spec")),
        "CloudEvents spec repo",
    );
    fact(has_url(wg, "https://cloudevents.io/"), "cloudevents.io");
    fact(
        wg.projects.iter().any(|p| {
            p.name == "Serverless Workflow"
                && p.url.as_deref() == Some("https://serverlessworkflow.io/")
        }),
        "Serverless Workflow",
    );
    fact(has_url(wg, "https://goo.gl/udD8Fx"), "whitepaper doc");
    fact(
        has_url(
            wg,
            "https://github.com/cncf/wg-serverless/tree/master/whitepapers/serverless-overview",
        ),
        "whitepaper folder",
    );
    fact(
        has_url(wg, "1QtC3vmmbGv8qjt9SznaKrSHDYVFles8e"),
        "Google Drive folder",
    );
    fact(
        has_url(wg, "1L9n9tkGuGtj7Ap9dVRes9RVscSoXeKsF3k-d2hJcDlg"),
        "charter source doc",
    );
    let m = wg
        .meetings
        .iter()
        .find(|m| m.join.as_deref() == Some("https://zoom.us/my/cncfserverlesswg"))
        .expect("Zoom meeting");
    fact(true, "Zoom URL");
    let s = m.schedule.as_ref().expect("structured schedule");
    fact(
        s.on == ["thursday"] && s.at == "09:00" && s.zone == "America/Los_Angeles",
        "Thursday 09:00 Pacific",
    );
    fact(
        m.meeting_id.as_deref() == Some("336 102 9682"),
        "meeting ID",
    );
    for tap in ["+16465588656,,3361029682#", "+16699006833,,3361029682#"] {
        fact(m.one_tap.iter().any(|p| p.number == tap), tap);
    }
    for (number, toll) in [
        ("+1 646 558 8656", Toll::Toll),
        ("+1 669 900 6833", Toll::Toll),
        ("+1 855 880 1246", Toll::TollFree),
        ("+1 877 369 0926", Toll::TollFree),
    ] {
        fact(
            m.dial_in
                .iter()
                .any(|p| p.number == number && p.toll == toll),
            number,
        );
    }
    fact(
        m.international.as_deref()
            == Some("https://zoom.us/zoomconference?m=QpOqQYfTzY_Gbj9_8jPtsplp1pnVUKDr"),
        "international numbers",
    );
    fact(
        m.notes
            .as_deref()
            .is_some_and(|n| n.contains("1OVF68rpuPK5shIHILK9JOqlZBbfe91RNzQ7u_P7YCDE")),
        "minutes doc",
    );
    fact(
        m.recordings
            .iter()
            .any(|r| r.contains("PLj6h78yzYM2Ph7YoBIgsZNW_RGJvNlFOt")),
        "recordings playlist",
    );
    fact(
        m.recordings
            .iter()
            .any(|r| r.contains("UC70hQml92GsoNgnB-CKNEXg")),
        "recordings channel",
    );
    fact(
        m.calendar.as_deref() == Some("https://www.cncf.io/community/calendar/"),
        "CNCF calendar",
    );
    assert!(facts >= 28, "{facts}");
}

/// The 2021 Cloud Foundry proposal: eight groups, their missions' subjects and 31 assets.
const SEED_GROUPS: [(&str, &str, &[&str]); 8] = [
    (
        "cf-app-runtime-deployments",
        "App Runtime Deployments",
        &[
            "CF Infrastructure (BOSH boot-loader)",
            "KubeCF",
            "Quarks",
            "Release Integration",
        ],
    ),
    (
        "cf-app-runtime-interfaces",
        "App Runtime Interfaces",
        &[
            "App Autoscaler",
            "CAPI",
            "CLI",
            "Java Tools",
            "MultiApps",
            "Notifications",
            "Stratos",
        ],
    ),
    (
        "cf-app-runtime-platform",
        "App Runtime Platform",
        &[
            "Diego",
            "Eirini",
            "Garden",
            "HAproxy",
            "Logging and Metrics",
            "Networking",
            "Windows Containers",
        ],
    ),
    (
        "cf-buildpacks",
        "Buildpacks",
        &["CF Buildpacks", "Java Buildpack", "Paketo"],
    ),
    ("cf-community-experience", "Community Experience", &[]),
    (
        "cf-foundational-infrastructure",
        "Foundational Infrastructure",
        &[
            "BOSH",
            "BOSH Backup and Restore",
            "CredHub",
            "MySQL",
            "Postgres",
            "UAA",
        ],
    ),
    (
        "cf-service-management",
        "Service Management",
        &[
            "Cloud Service Broker",
            "Open Service Broker API",
            "Service Fabrik",
            "Volume Services",
        ],
    ),
    (
        "cf-vulnerability-management",
        "Vulnerability Management",
        &[],
    ),
];

#[test]
fn the_eight_2021_cloud_foundry_groups_and_their_31_assets_are_there() {
    let r = builtin();
    let mut assets = 0;
    for (id, name, projects) in SEED_GROUPS {
        let g = group(&r, id);
        assert_eq!(g.name, name);
        assert!(
            g.mission.as_deref().is_some_and(|m| !m.is_empty()),
            "{id} mission"
        );
        for asset in projects {
            let found = g
                .projects
                .iter()
                .any(|p| p.name == *asset || p.aliases.iter().any(|a| a == asset));
            assert!(found, "{id}: asset {asset}");
            assets += 1;
        }
    }
    assert_eq!(assets, 31);
}

#[test]
fn groups_that_no_longer_exist_keep_their_row_with_the_truth() {
    let r = builtin();
    let bp = group(&r, "cf-buildpacks");
    assert_eq!(
        (bp.status, bp.successor.as_deref()),
        (Status::Renamed, Some("cf-paketo"))
    );
    let cx = group(&r, "cf-community-experience");
    assert_eq!(
        (cx.status, cx.successor.as_deref()),
        (Status::NeverChartered, Some("cf-docs"))
    );
    let sm = group(&r, "cf-service-management");
    assert_eq!(sm.status, Status::Dissolved);
    assert_eq!(sm.status_date.as_deref(), Some("2025-11-25"));
    assert_eq!(
        sm.successor.as_deref(),
        Some("cf-foundational-infrastructure")
    );
    // The seed's mission was reworded by the last charter (2025); the data keeps the newer.
    assert!(
        sm.mission
            .as_deref()
            .is_some_and(|m| m.contains("within application platforms"))
    );
}

#[test]
fn cloud_foundry_community_links_and_current_meetings() {
    let r = builtin();
    let cf = r.community("cloudfoundry").unwrap();
    let urls: Vec<&str> = cf.links.iter().map(|l| l.url.as_str()).collect();
    assert!(urls.iter().any(|u| u.contains("calendar/u/0/embed?src=cloudfoundry.org_oedb0ilotg5udspdlv32a5vc78@group.calendar.google.com")));
    assert!(urls.contains(&"https://calendar.google.com/calendar/ical/cloudfoundry.org_oedb0ilotg5udspdlv32a5vc78@group.calendar.google.com/public/basic.ics"));
    assert!(urls.contains(&"mailto:cf-dev@lists.cloudfoundry.org"));
    assert!(
        urls.iter()
            .any(|u| u.starts_with("https://www.youtube.com/@CloudFoundryFoundation"))
    );

    let ari = group(&r, "cf-app-runtime-interfaces");
    let s = ari.meetings[0].schedule.as_ref().unwrap();
    assert_eq!(
        (s.on.as_slice(), s.at.as_str(), s.zone.as_str()),
        (
            &["4th tuesday".to_string()][..],
            "09:00",
            "America/Los_Angeles"
        )
    );
    assert!(
        ari.chat
            .iter()
            .any(|c| c.id.as_deref() == Some("C02HNDJB31R"))
    );
    assert!(
        ari.leads
            .iter()
            .any(|l| l.name == "Greg Cobb" && l.company.is_some() && l.github.is_some())
    );
    let ard = group(&r, "cf-app-runtime-deployments");
    let s = ard.meetings[0].schedule.as_ref().unwrap();
    assert_eq!(
        (s.on.as_slice(), s.at.as_str(), s.zone.as_str()),
        (
            &["2nd thursday".to_string(), "4th thursday".to_string()][..],
            "16:30",
            "UTC"
        )
    );
    let fi = group(&r, "cf-foundational-infrastructure");
    assert!(
        fi.projects
            .iter()
            .any(|p| p.repos.iter().any(|r| r == "cloudfoundry/uaa"))
    );
}
