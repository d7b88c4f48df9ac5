// Accessibility fixes for Material for MkDocs 9.x that its templates do not offer as settings.
// The search overlay is rendered as <div class="md-search" role="dialog"> without a name, so a
// screen reader announces an anonymous dialog (axe rule aria-dialog-name). Give it the name of
// its own search field ("Zoeken" in the Dutch theme). The overlay only works with JavaScript,
// so naming it from JavaScript reaches every reader who can open it.
(function () {
  "use strict";
  function nameSearchDialog() {
    document.querySelectorAll('.md-search[role="dialog"]:not([aria-label]):not([aria-labelledby])').forEach(function (dialog) {
      var input = dialog.querySelector(".md-search__input");
      dialog.setAttribute("aria-label", (input && input.getAttribute("aria-label")) || "Zoeken");
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", nameSearchDialog);
  else nameSearchDialog();
})();
