// Opens Razorpay Checkout for the order on the pay page (pages/pay.html). The page's Content-Security-Policy
// allows no inline script, so every value comes from the button's data- attributes. Razorpay hands the
// handler the payment id, the order id and their signature; the hidden form posts them to the shop, which
// verifies the signature through the payment module before the order counts as paid.
(function () {
  'use strict';
  var button = document.getElementById('razorpay-pay');
  var answer = document.getElementById('razorpay-answer');
  var status = document.getElementById('razorpay-status');
  if (!button || !answer) {
    return;
  }

  function say(message) {
    status.textContent = message;
    status.hidden = false;
  }

  if (typeof window.Razorpay !== 'function') {
    say('Razorpay Checkout could not be loaded. Check your connection and reload the page.');
    return;
  }

  var data = button.dataset;
  var checkout = new window.Razorpay({
    key: data.key,
    amount: data.amount,
    currency: data.currency,
    order_id: data.orderId,
    name: data.name,
    description: data.description,
    prefill: { name: data.prefillName, email: data.prefillEmail, contact: data.prefillContact },
    handler: function (response) {
      answer.elements.razorpay_payment_id.value = response.razorpay_payment_id;
      answer.elements.razorpay_order_id.value = response.razorpay_order_id;
      answer.elements.razorpay_signature.value = response.razorpay_signature;
      button.disabled = true;
      answer.submit();
    },
    modal: {
      ondismiss: function () {
        say('Payment not completed. You can try again.');
      }
    }
  });
  checkout.on('payment.failed', function (response) {
    say(response.error && response.error.description ? response.error.description
      : 'The payment failed. You can try again.');
  });
  button.addEventListener('click', function () {
    status.hidden = true;
    checkout.open();
  });
  button.disabled = false;
})();
