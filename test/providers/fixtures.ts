/** Payloads from the seed documents, with the seed's `*****` filled with realistic values. */

export const instaxchangeCompleted = JSON.stringify({
  webhookId: 'testcompleteddwebhook',
  transactionId: 'c5f1e7a2-9b3d-4e21-8a6f-2d4b9e0c7a11',
  reference: 'order-10042',
  data: {
    amountInFiat: 3.74,
    fiatCurrency: 'USD',
    amountInCrypto: 0.0421399418187522,
    cryptoCurrency: 'LTC',
    status: 'completed',
    statusReason: null,
    walletAddress: 'ltc1qg82zq7m9x0h0c4d5e6f7a8b9c0d1e2f3a4b5c6',
    additionalData: { wdId: '123', returnUrl: 'https://shop.example.com/checkout/return?order=10042' },
    sessionId: 'sess_7d9e2b14c3f8',
    createdAt: '2024-05-22T19:58:54.097Z',
  },
  invoiceData: {
    Email: 'zoe.mueller@example.com',
    Name: 'Zoë Müller',
    Credit_card_number: '4****1111',
    Invoice_ID: 'INV-88231',
    Status: 'completed',
    Wallet_address: 'ltc1qg82zq7m9x0h0c4d5e6f7a8b9c0d1e2f3a4b5c6',
    Details: '3.74 USD => 0.043 LTC',
    Invoice_date: '22nd May, 2024',
    Deposit_tx_ID: 'dep_4c2a91f0',
    Deposit_tx_amount: '3.74 USD',
    Deposit_tx_status: 'completed',
    Withdraw_tx_ID: 'wd_77e1b3c9',
    Withdraw_tx_amount: '0.0421399418187522 LTC',
    Withdraw_tx_status: 'completed',
  },
  createdAt: '2024-05-22T19:59:05.913Z',
});

export const instaxchangeFailed = `{
  "webhookId": "testfailedwebhook",
  "transactionId": "*****",
  "reference": null,
  "data": {
    "amountInFiat": 5,
    "fiatCurrency": "USD",
    "amountInCrypto": 4.78,
    "cryptoCurrency": "USDT-AVALANCHE",
    "status": "failed",
    "statusReason": "Do Not Honor",
    "walletAddress": "****",
    "additionalData": null,
    "sessionId": "sess_19ab44e0",
    "createdAt": "2024-05-24T06:48:39.279Z"
  },
  "invoiceData": {
    "Email": "buyer@example.com",
    "Name": "Name Name",
    "Credit_card_number": "4****1111",
    "Invoice_ID": "****",
    "Status": "failed",
    "Wallet_address": "*****",
    "Details": "5 USD => 4.78 USDT-AVALANCHE",
    "Invoice_date": "24th May, 2024",
    "Deposit_tx_ID": "*****",
    "Deposit_tx_amount": "5 USD",
    "Deposit_tx_status": "completed",
    "Withdraw_tx_ID": "****",
    "Withdraw_tx_amount": "4.78 USDT-AVALANCHE",
    "Withdraw_tx_status": "failed"
  },
  "createdAt": "2024-05-24T06:53:29.503Z"
}
`;

export const instapDeposit = `{"objectType":"depositEventObject","userId":"user-4411","userName":"zoe.m","date":1716407945000,"blockChainCurrency":"USDT_TRON","blockChainTxId":"9f2c4e1ab7d3508e6c1f0a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d","blockChainAmount":170.00,"convertedAmount":[{"fiatCurrency":"USD","convertedValue":170.00},{"fiatCurrency":"EUR","convertedValue":156.91}],"conversionTime":1716407950000,"paymentStatus":{"minAmountToBePaidInUsd":10,"maxAmountToBePaidInUsd":5000,"actualPaymentInUsd":170.00,"paymentStatus":"correct"},"operationNo":"OP7Q2X9K4M1Z"}`;

export const openxswitchSwap = `{
"requestId": "ab67d4be56d4d549f59b92a17fd71b",
"method": "instant_swap.completed",
"params": {
"id": "68180c09b19304fc881991c2",
"fee": 0,
"fromCoin": "USDT",
"fromAmount": 2,
"toCoin": "TRX",
"toAmount": 7.55102795,
"swapPrice": 3.77551398,
"status": "success",
"ts": "1746918883356",
"quoteId": "1305237885725507584",
"walletId": "6812c4977de20fb535e5bdee",
"workspaceId": "656abf1e4b5f5e0012345678",
"createdAt": "2025-05-04T23:58:20.494Z",
"wallet": {
"id": "6812b103908d2d0d49c7ff79",
"clientUserId": null,
"email": "email@openxswitch.com",
"name": "openxswitch-subwallet",
"assets":[
{ "coin": "USDT", "balance": 9, "frozen": 0, "updatedAt": "2025-05-04T23:58:20.494Z" },
{ "coin": "TRX", "balance": 26.043, "frozen": 0, "updatedAt": "2025-05-04T23:58:20.494Z" }
],
"isSubWallet": false
}
}
}`;

export const calypsoInvoiceCreated = `{"requestId":"bf9348b7-2c14-46d7-868c-b597852da319","id":1,"createdDate":"2022-03-15T12:13:05.909616","level":"SUCCESS","service":"INVOICE","eventType":"INVOICE_CREATE_INVOICE","data":{"parentExternalId":3,"amount":0.01,"currency":"ETH","fiatcurrency":"USD","message":"Invoice example","createdDate":"2022-03-15T12:13:03.157015","type":"INVOICE_CREATE_INVOICE","idempotencyKey":"5b0ca8da-6af4-4a1c-9efd-5cbfc19ace09"}}`;

export const paychantEvent = {
  event: 'WIDGET.CREATED',
  data: {
    env: 'sandbox',
    pid: '8847431020',
    date: '30/03/2023 - 01:46:02',
    fiat: 'NGN',
    asset: 'CUSD',
    chain: 'CELO',
    action: 'BUY',
    fiatAmount: 149241,
    assetAmount: 300,
    userAddress: '0xCd96602dBbeE307a1d50cb074C294847aB4702FB',
    exchangeRate: 497.47,
    paymentMethod: 'Bank Transfer',
    cryptoAddress: '---',
    transactionRef: '7CMJS1Q90GS79AA',
  },
};
