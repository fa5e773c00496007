// A form sent back with problems: each field marked in red tells screen readers that it is wrong and why
// (aria-invalid, aria-describedby its message), and a summary marked data-problem-summary lists every problem as a
// link that takes the user to its field, with the field's label ("第150行 发票号码：…"), so that a long form with 200
// equipment rows does not have to be searched by eye. The summary takes the focus when the page opens.
(function () {
  var SHOWN = 30;
  // The field a message stands beside: in its .field box or its table cell. A message of a whole part (the equipment
  // list as such) belongs to no field.
  function controlOf(error) {
    var box = error.closest('.field, td');
    return box ? box.querySelector('input:not([type=hidden]), select, textarea') : null;
  }
  function labelOf(control) {
    var label = control.getAttribute('aria-label');
    if (!label && control.id) {
      var tag = document.querySelector('label[for="' + CSS.escape(control.id) + '"]');
      if (tag) {
        var words = tag.cloneNode(true);
        words.querySelectorAll('.tag').forEach(function (mark) { mark.remove(); });
        label = words.textContent;
      }
    }
    return (label || '').replace(/[\s*（(]*必[填传][)）]?|\s*\*\s*$/g, '').trim();
  }
  document.addEventListener('DOMContentLoaded', function () {
    var problems = [];
    document.querySelectorAll('.field-error').forEach(function (error, i) {
      if (!error.textContent.trim()) return;
      if (!error.id) error.id = 'field-error-' + i;
      var control = controlOf(error);
      if (!control) {
        problems.push({control: null, target: error, label: '', message: error.textContent.trim()});
        return;
      }
      control.setAttribute('aria-invalid', 'true');
      var described = (control.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
      if (described.indexOf(error.id) < 0) described.push(error.id);
      control.setAttribute('aria-describedby', described.join(' '));
      problems.push({control: control, label: labelOf(control), message: error.textContent.trim()});
    });
    var summary = document.querySelector('[data-problem-summary]');
    if (!summary) return;
    if (problems.length) {
      var list = document.createElement('ul');
      list.className = 'problem-list';
      problems.slice(0, SHOWN).forEach(function (p) {
        var item = document.createElement('li');
        var link = document.createElement('a');
        link.href = '#';
        link.textContent = (p.label ? p.label + '：' : '') + p.message;
        link.addEventListener('click', function (event) {
          event.preventDefault();
          var target = p.control || p.target;
          target.scrollIntoView({block: 'center'});
          if (p.control) p.control.focus({preventScroll: true});
        });
        item.appendChild(link);
        list.appendChild(item);
      });
      if (problems.length > SHOWN) {
        var rest = document.createElement('li');
        rest.textContent = '另有 ' + (problems.length - SHOWN) + ' 处，见下方标红的栏目';
        list.appendChild(rest);
      }
      summary.appendChild(list);
    }
    summary.setAttribute('tabindex', '-1');
    summary.focus();
  });
})();
