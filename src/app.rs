//! The HTML shell and the route table. Every public URL carries the locale, and those with a
//! quarter or offer carry its slug: they are printed on flyers and must stay stable.

use crate::i18n::*;
use crate::ui::island_scripts::IslandScripts;
use crate::ui::pages::{
    AccessibilityPage, BoardPage, DirectoryPage, ImprintPage, KioskPage, NotFoundPage, OfferPage, PrintPage,
    PrivacyPage, ShortlistPage, StartPage, WeekPlanPage,
};
use crate::ui::staff::{
    AccountPage, AuditPage, CalendarsPage, CoveragePage, DataPage, DirectoryPage as StaffDirectoryPage,
    IdentityPage, ImportPage, KiosksPage, LinkPage, NewOfferPage, OfferEditPage, OrganisationEditPage,
    PlaceEditPage, PlanPage, PrintProductsPage, QuarterEditPage, SignInPage, StaffOffersPage, TwoFactorPage,
    UsersPage,
};
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, SsrMode};

/// The document around every page.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let root = asset_root();
    let stylesheet = format!("{root}/{}/{}.css", options.site_pkg_dir, options.output_name);
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <AutoReload options=options.clone()/>
                <IslandScripts options root/>
                <link rel="stylesheet" id="leptos" href=stylesheet/>
                // A PNG: Chromium fetches and decodes the page icon again on every history entry
                // the filter writes, and an SVG icon costs a document build on the main thread each time.
                <link rel="icon" href="/assets/favicon.png" type="image/png"/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The address prefix of the build's files (`/v/<fingerprint>`; empty without a front-end build).
fn asset_root() -> String {
    #[cfg(feature = "ssr")]
    {
        use_context::<crate::kiosk::FrontVersion>().map(|v| v.asset_root()).unwrap_or_default()
    }
    #[cfg(not(feature = "ssr"))]
    String::new()
}

/// Routes. Pages render completely on the server before anything is sent (`SsrMode::Async`),
/// so a missing quarter gets a real HTTP 404 and phones paint from the first response.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    crate::ui::status::set_page_policy();
    view! {
        <I18nContextProvider enable_cookie=false set_lang_attr_on_html=false set_dir_attr_on_html=false>
            <Router>
                <Routes fallback=|| view! { <NotFoundPage/> }>
                    <Route path=path!("/") view=StartPage ssr=SsrMode::Async/>
                    <Route path=path!("/:lang") view=StartPage ssr=SsrMode::Async/>
                    <Route path=path!("/kiosk/:quarter") view=KioskPage ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/offers/:offer") view=OfferPage ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/list") view=ShortlistPage ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/print/:quarter/:product") view=PrintPage ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/imprint") view=ImprintPage ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/privacy") view=PrivacyPage ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/accessibility") view=AccessibilityPage ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/staff") view=StaffOffersPage ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/staff/sign-in") view=SignInPage ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/staff/two-factor") view=TwoFactorPage ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/staff/account") view=AccountPage ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/staff/users") view=UsersPage ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/staff/kiosks") view=KiosksPage ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/staff/identity") view=IdentityPage ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/staff/coverage") view=CoveragePage ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/staff/print") view=PrintProductsPage ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/staff/import") view=ImportPage ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/staff/calendars") view=CalendarsPage ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/staff/data") view=DataPage ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/staff/coverage/:quarter") view=CoveragePage ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/staff/link/:token") view=LinkPage ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/staff/offers/new") view=NewOfferPage ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/staff/offers/:id") view=OfferEditPage ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/staff/:kind/:id/audit") view=AuditPage ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/staff/directory") view=StaffDirectoryPage ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/staff/plan") view=PlanPage ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/staff/places/:id") view=PlaceEditPage ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/staff/organisations/:id") view=OrganisationEditPage ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/staff/quarters/:id") view=QuarterEditPage ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/:quarter") view=BoardPage ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/:quarter/week") view=WeekPlanPage ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/:quarter/network") view=DirectoryPage ssr=SsrMode::Async/>
                    <Route path=path!("/:lang/:quarter/week/:week") view=WeekPlanPage ssr=SsrMode::Async/>
                </Routes>
            </Router>
        </I18nContextProvider>
    }
}
