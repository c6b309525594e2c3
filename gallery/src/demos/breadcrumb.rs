//! Breadcrumb demos.
use crust_ui::prelude::*;
use leptos::prelude::*;

/// A trail from the top of the site to the current page.
pub fn basic() -> impl IntoView {
    view! {
        <Breadcrumb>
            <BreadcrumbItem href="#">"Home"</BreadcrumbItem>
            <BreadcrumbItem href="#">"Projects"</BreadcrumbItem>
            <BreadcrumbItem current=true>"Apollo"</BreadcrumbItem>
        </Breadcrumb>
    }
}
