// The English wording of the public pages and the requester mails. Values use i18next's {{name}} interpolation; the
// JSX runtime escapes what is interpolated, so the catalogue holds plain text.
export const en = {
  language: { en: 'English', es: 'Español' },
  layout: { languages: 'Language' },
  possessive: { privacyPolicy: 'privacy policy', policy: 'policy', privacyAddress: 'privacy address' },
  requestTypes: {
    access: 'Right to know: a copy of my information',
    categories: 'Right to know: the categories of my information',
    deletion: 'Delete my information',
    correction: 'Correct my information',
    portability: 'Get my information in a portable form',
    restriction: 'Restrict the use of my information',
    objection: 'Object to the use of my information',
    automated_decision_objection: 'Object to automated decisions about me',
    consent_withdrawal: 'Withdraw my consent',
    opt_out_marketing_email: 'Stop marketing email',
    opt_out_marketing_sms: 'Stop marketing text messages',
    opt_out_sale_share: 'Do not sell or share my personal information',
    limit_sensitive_use: 'Limit the use of my sensitive personal information',
    emailed: 'Your email to our privacy address',
  },
  due: {
    mustAnswer: '{{org}} must answer by {{date}}.',
    internalTarget:
      '{{org}} aims to answer by {{date}}: its own target, as no law or policy sets a deadline for this request.',
  },
  gpc: {
    honoured:
      "Your browser's Global Privacy Control signal is honoured: {{org}} takes it as your request to opt out of the sale and sharing of your personal information, for the email address given on this form.",
    no_sale_share_law:
      'Your browser sends a Global Privacy Control signal. It has no effect at {{org}}: the privacy law that applies here gives no opt-out of sale or sharing for it to exercise.',
    no_sale_share_right:
      'Your browser sends a Global Privacy Control signal. It has no effect at {{org}}: its privacy policy says it does not sell or share personal information, so there is nothing to opt out of.',
  },
  form: {
    title: 'Make a privacy request',
    heading: 'Make a privacy request to {{org}}',
    intro:
      'Use this form to exercise the rights {{policy}} gives you. For most requests we email you a link to confirm your address, and act once you open it; opt-outs need no confirmation.',
    problem: 'There is a problem',
    honeypot: 'Leave this empty',
    name: 'Your full name',
    nameAgentHint:
      'If you are an authorised agent: the name of the person you act for. Your own details go further down.',
    email: 'Email address',
    emailHint: 'We send the confirmation link and our answer here.',
    emailAgentHint: " For an agent's request: the address of the person you act for, who must confirm it.",
    phone: 'Phone number (optional)',
    phoneHint: 'Only if you would like us to be able to call you about this request.',
    rights: 'What would you like to ask for?',
    details: 'Anything that helps us find your information (optional)',
    detailsHint: 'For example an account name or the dates you used the service.',
    detailsUs: 'Never include a Social Security or card number.',
    detailsGb: 'Never include a National Insurance, passport or payment card number.',
    submit: 'Send my request',
    limit: 'You can ask for this {{count}} times in {{months}} months.',
    californian: 'If you live in California, {{org}} answers it under the CCPA: {{label}}.',
    senderRule: 'Give the address that receives the mail you want to stop.',
    whereSaid: 'Where {{policy}} says this',
    residence: 'Do you live in California?',
    residenceHint:
      'Californians have rights under the California Consumer Privacy Act; where a choice above says so, {{org}} answers it under that law.',
    residenceYes: 'Yes, I live in California',
    residenceNo: 'No, I live elsewhere',
    dataContext: 'Whose information is this about?',
    dataContextHint:
      "{{org}} also runs services for other organisations, which decide about the information in them: for example through your child's school or your employer.",
    dataContextOwn: 'My own relationship with {{org}}',
    relationship: 'Who is this request for?',
    relationshipSelf: 'Myself',
    relationshipAgent: 'Someone else, as their authorised agent',
    agent: 'Only if you are an authorised agent',
    agentHint:
      'We ask the person you act for to confirm directly with {{org}} that they gave you permission; until they do, nothing is done.',
    agentName: 'Your name, as the agent',
    agentEmail: 'Your email address, as the agent',
    agentEmailHint: 'We tell you here that we received the request; answers go to the person you act for.',
    agentIsBusiness: 'I act as a business',
    agentRegistration: 'California Secretary of State registration number',
    agentRegistrationOptional: ' (for a business acting on a California request)',
    agentRegistrationRule: '{{org}} requires every agent to be registered with the California Secretary of State.',
    agentRegistrationHint: 'The entity number the Secretary of State gave the business, like C1234567 or 201912345678.',
    permission: 'The signed permission of the person you act for',
    permissionHint: 'A PDF, PNG or JPEG file of at most {{mb}} MB.',
    permissionAgain: ' If you chose a file before, choose it again.',
    identity: 'Confirm who you are',
    identityHint:
      'Asked only for requests that show, change or delete your information. {{org}} compares what you give here with its own records, to make sure the request is yours, and uses it for nothing else. Every field is optional: give what you can, as {{org}} knows it.',
    dataPointFullName: 'The full name {{org}} knows you by',
    dataPointPhone: 'A phone number {{org}} has for you',
    dataPointPostalAddress: 'A postal address {{org}} has for you',
    dataPointDateOfBirth: 'Your date of birth',
    dataPointAccountNumber: 'Your account or customer number with {{org}}',
    dataPointLastOrderDate: 'The date of your last order',
    dataPointDateHint: 'As year-month-day, like 1990-04-21.',
    declaration: 'Declaration under penalty of perjury',
    declarationHint:
      'Needed only for a request for the specific pieces of personal information {{org}} holds about you: California law asks for it (CCPA regulations §7062(c)).',
    declarationText:
      'I declare under penalty of perjury under the laws of the State of California that I am the consumer whose personal information is the subject of this request.',
    declarationAgree: 'I make this declaration',
    declarationName: 'Your signature: type your name in full',
    declarationDate: 'Date signed',
  },
  errors: {
    dataPoint: 'Enter this as text.',
    dataPointLength: 'This can be at most 500 characters.',
    dataPointPhone: 'Enter the phone number with digits only, like +1 415 555 0100.',
    dataPointDate: 'Enter a date as year-month-day, like 1990-04-21.',
    declaration:
      'Tick the box to make the declaration: a request for the specific pieces of your information needs it.',
    declarationName: 'Type your full name to sign the declaration.',
    declarationDate: 'Enter the date you sign as year-month-day, like 2026-12-06.',
    notAccepted: 'Your submission could not be accepted.',
    name: 'Tell us your name.',
    nameLength: 'Your name can be at most 200 characters.',
    email: 'Enter your email address, like name@example.com.',
    emailLength: 'That email address is too long.',
    emailPlain: 'Enter the address without quotes, spaces, commas or angle brackets, like name@example.com.',
    phone: 'Enter a phone number with digits only, like +1 415 555 0100.',
    right: 'Choose what you would like to ask for.',
    rightListed: 'Choose one of the requests listed.',
    relationship: 'Tell us whether the request is for yourself or as an authorised agent.',
    details: 'Details must be text.',
    detailsLength: 'Details can be at most 5,000 characters.',
    sensitiveUs: 'Please remove any Social Security or card number: we never need them, and we do not store them.',
    sensitiveOther:
      'Please remove any identity or card number (such as a National Insurance, passport or bank card number): we never need them, and we do not store them.',
    residence: 'Tell us whether you live in California: it decides which law your request is answered under.',
    dataContext: 'Tell us whether this is about your own relationship with {{org}} or one of the services listed.',
    agentName: 'Tell us your name, as the authorised agent.',
    agentEmail: 'Enter your own email address, like agent@example.com.',
    agentEmailPlain: 'Enter the address without quotes, spaces, commas or angle brackets, like agent@example.com.',
    agentIsBusiness: 'Tick the box only if you act as a business.',
    agentRegistration: 'Enter the registration number with letters and digits only.',
    agentRegistrationFormat:
      'Enter the registration number with letters and digits only, like C1234567 or 201912345678.',
    agentRegistrationRule:
      '{{org}} accepts requests only from agents registered with the California Secretary of State: enter the registration number.',
    agentRegistrationBusiness:
      'A business acting on a California request must be registered with the California Secretary of State: enter its registration number.',
    permissionMissing: "Attach the consumer's signed permission: a PDF, PNG or JPEG file.",
    permissionType: 'The signed permission must be a PDF, PNG or JPEG file; this file is none of them.',
    permissionTooLarge: 'The signed permission may be at most {{mb}} MB.',
    permissionOneFile: 'Attach one file only: the signed permission.',
  },
  received: {
    title: 'Request received',
    heading: 'We have your request',
    reference: 'Your reference is',
    request: 'Request: {{label}}.',
    checkEmail: 'Check your email.',
    checkEmailText:
      'We sent you a link to confirm that the address is yours. Until you open it, we cannot act on the request.',
    sentConfirmation: 'We sent a confirmation to your email address with a private link to the request.',
    optOutDone: 'Opt-outs take effect at once: this one already has.',
    noEmail: 'No email?',
    noEmailText: 'Check your spam folder first. We can send a new link: enter the address you used.',
    resend: 'Send a new link',
    limitNotice:
      '{{org}} answers this request {{count}} times in {{months}} months: “{{quote}}” If {{count}} such requests from your address were already confirmed in that time, this one is declined, and our email tells you so instead of asking you to confirm.',
  },
  verify: {
    title: 'Confirm your request',
    heading: 'Confirm your request {{reference}}',
    text: 'Press the button to confirm that you asked {{org}} for this and that this email address is yours.',
    button: 'Confirm my request',
    doneTitle: 'Request confirmed',
    doneHeading: 'Thank you: your request is confirmed',
    doneReference: 'Reference',
    doneFollow: 'Follow your request with the private status link in the email we sent you.',
    resentTitle: 'Link sent',
    resentText:
      'If {{reference}} is waiting for confirmation and the address matches it, a new link is on its way. It replaces the old one.',
  },
  refusal: {
    unknownTitle: 'This link is not valid',
    unknownText:
      'Check that you copied the whole link from the email. If it still does not work, ask for a new link from the page where you made the request.',
    expiredTitle: 'This link has expired',
    expiredText:
      'For your security, confirmation links expire. Ask for a new link from the page where you made the request, with your reference.',
    usedTitle: 'This link has already been used',
    usedText:
      'Your request was already confirmed with this link, when "Confirm my request" was pressed on the page it opens (opening the link alone confirms nothing). You do not need to do anything more. Use the status link from the email to follow it.',
    replacedTitle: 'A newer link replaced this one',
    replacedText:
      'You asked for a new confirmation link, so this older one no longer works. Use the link in the most recent email.',
    already_verifiedTitle: 'Already confirmed',
    already_verifiedText: 'This request was already confirmed; you do not need to do anything more.',
    withdrawnTitle: 'This request was withdrawn',
    withdrawnText:
      'It was withdrawn before it was confirmed (by you, or by the authorised agent acting for you), so there is nothing to confirm and nothing will be done. If you still want it, make a new request.',
  },
  agentPages: {
    heading: 'We have the request',
    reference: 'The reference is',
    mustConfirm: 'The person you act for must confirm it.',
    mustConfirmText:
      'We emailed them a link to confirm directly with {{org}} that they gave you permission. Until they do, nothing is done; if they say they did not, the request is closed.',
    receipt: 'We sent you a receipt with the reference.',
    answerGoes: 'The answer goes to the person you act for.',
    confirmTitle: 'Confirm the request made for you',
    confirmHeading: 'Did you ask {{agent}} to make this request?',
    confirmAsked: '{{agent}} asked {{org}} on your behalf, as your authorised agent (reference',
    confirmOnly:
      'Confirm only if you gave {{agent}} permission to make this request for you. {{org}} then answers it, to you.',
    confirmButton: 'Confirm: I gave them permission',
    refuseButton: 'I did not authorise this',
    refusedTitle: 'Request closed',
    refusedHeading: 'The request is closed',
    refusedText: 'You told {{org}} that you did not authorise request',
    refusedClosed: 'It is closed, and nothing was done.',
    refusedWorried: 'If you are worried that someone is trying to get your information, contact {{org}}.',
    alreadyTitle: 'Already confirmed',
    alreadyHeading: 'This request was already confirmed',
    alreadyText:
      'It can no longer be refused with this link. If you did not authorise it, contact {{org}} straight away.',
    theOrganisation: 'the organisation',
  },
  redirect: {
    title: 'Please ask the organisation responsible',
    handles:
      'For {{services}}, {{org}} handles the information on behalf of another organisation, which decides what happens to it and must answer requests like yours. Please contact:',
    whereSaid: 'Where {{policy}} says so:',
    closed:
      '{{org}} has closed this request here and will not act on it. We also emailed you this answer. If your request is about your own relationship with {{org}} instead, make a new request and choose that.',
    newRequest: 'Make a new request',
    askFirst: 'For {{services}}, {{org}} encourages you to contact them first:',
    stillGoOn: 'You can still go on with {{org}}:',
    stillGoOnText:
      'your request is kept. Confirm it from the email and {{org}} answers it. If they answer you instead, you can withdraw this request from your status page.',
  },
  withdraw: {
    title: 'Withdraw request {{reference}}',
    heading: 'Withdraw your request {{reference}}?',
    text: '{{org}} will stop working on your request ({{label}}) and close it. You will get an email confirming it. This cannot be undone here: to ask again, you would make a new request.',
    yes: 'Yes, withdraw my request',
    no: 'No, keep my request',
  },
  reply: {
    one: 'A question for you',
    many: 'Questions for you',
    answer: 'Your answer',
    hint: 'At most {{max}} characters. Do not include card or Social Security numbers.',
    send: 'Send my answer',
  },
  files: {
    heading: 'Your response',
    expired: 'The files of the response could be downloaded until {{date}}. They are no longer available here.',
    download: 'Download the files until {{date}}. Keep them safe: they contain your personal information.',
  },
  index: {
    title: 'Make a privacy request',
    text: "Choose the organisation your request is for. Each form offers the rights that organisation's privacy policy gives you.",
    none: 'No organisation takes requests here yet.',
  },
  status: {
    title: 'Request {{reference}}',
    heading: 'Your request {{reference}}',
    request: 'Request',
    status: 'Status',
    received: 'Received',
    closedOn: 'Closed on',
    answeredOn: 'Answered on',
    withdrawnOn: 'Withdrawn on',
    ownTarget: 'Aimed to be answered by (our own target)',
    dueBy: 'Answer due by',
    daysLeft: '{{count}} days left',
    oneDayLeft: '1 day left',
    dueToday: 'due today',
    overdue: 'overdue',
    paused: ' (the time limit stands still until you answer, and this date moves by that time)',
    changedMind: 'Changed your mind?',
    withdraw: 'Withdraw my request',
  },
  statuses: {
    unverified: 'Waiting for you to confirm your email address',
    verified: 'Confirmed, waiting to be worked on',
    in_progress: 'Being worked on',
    awaiting_requester: 'Waiting for information from you',
    fulfilled: 'Completed',
    partially_fulfilled: 'Partly completed',
    denied: 'Refused (the reasons were sent to you)',
    withdrawn: 'Withdrawn',
    redirected: 'Passed to the organisation responsible for your data',
    closed_unverified: 'Closed without being confirmed',
    received_by_email: 'Received by email, waiting for the privacy team to read it',
    not_a_request: 'Closed: the privacy team found no privacy request in your message',
  },
  denialReasons: {
    identity_not_verified: 'We could not verify that you are the person the request is about.',
    frequency_limit_exceeded:
      'You have already made as many requests of this kind as the law requires us to answer in this period.',
    manifestly_unfounded_or_excessive: 'The request is manifestly unfounded or excessive.',
    statutory_exemption: 'An exemption in the law applies to the information or action requested.',
    right_does_not_apply: 'The right you asked to use does not apply in this situation.',
    adversely_affects_others: 'Answering would adversely affect the rights and freedoms of other people.',
    suspected_fraud: 'We have a good-faith, documented reason to believe the request is fraudulent.',
  },
  complaint: {
    ccpa: 'If you think this decision is wrong, you can complain to the California Privacy Protection Agency ({{cppa}}) or to the California Attorney General ({{oag}}).',
    uk_gdpr:
      "You have the right to complain to the Information Commissioner's Office, the UK data protection regulator ({{ico}}), and to ask a court to enforce your rights.",
    gdpr: 'You have the right to lodge a complaint with a data protection supervisory authority, in particular in the country where you live or work or where you think your rights were infringed, and to ask a court to enforce your rights.',
    us_state:
      "You can appeal this decision by writing to {{org}}{{contact}}. If the appeal is refused, you can complain to your state's Attorney General.",
    can_spam: 'You can report unwanted commercial email to the Federal Trade Commission ({{ftc}}).',
    fcc_tcpa: 'You can complain about unwanted text messages to the Federal Communications Commission ({{fcc}}).',
    noneContact: 'If you disagree with this decision, contact {{org}} at {{contact}}.',
    noneNoContact: 'If you disagree with this decision, contact {{org}} through the ways its privacy policy gives.',
  },
  unsubscribe: {
    title: 'Unsubscribe',
    heading: 'Unsubscribe from {{thing}}',
    marketingEmail: 'marketing email',
    willStop: '{{org}} will send no more marketing email to {{email}}.',
    atOnce: 'It takes effect at once.',
    button: 'Unsubscribe',
    doneTitle: 'Unsubscribed',
    doneHeading: 'You are unsubscribed',
    alreadyText: '{{email}} already gets no marketing email from {{org}}. There is nothing more to do.',
    reference: "Your opt-out's reference is",
    stillPrivacyMail: 'Mail about privacy requests you make is not marketing, and still reaches you.',
    refusedTitle: 'Link not valid',
    refusedHeading: 'This unsubscribe link is not valid',
    refusedText:
      'The link is incomplete or was changed, so we cannot tell whose address it is for. Use the unsubscribe link of a recent mail again, copying the whole link, or write to the organisation that mailed you.',
  },
  download: {
    expiredTitle: 'This download has expired',
    expiredText:
      'For your security, response files can only be downloaded for a limited time, and that time has passed. Contact the organisation if you still need them.',
    missingTitle: 'There is no such file',
    missingText: 'Check that you used the link from your request page.',
  },
  errorPage: {
    notFound: 'Page not found',
    notFoundText: "There is nothing at this address. Check the link, or start from the organisation's privacy page.",
    tooMany: 'Too many requests',
    tooManyText: 'Too many requests came from here in a short time. Please wait a while and try again.',
    unavailable: 'Temporarily unavailable',
    unavailableText: 'The service is briefly unavailable. Please try again in a minute.',
    failed: 'Something went wrong',
    failedText: 'Something went wrong on our side. Please try again in a moment.',
    refused: 'Request not accepted',
    refusedText: 'What was sent could not be accepted. Go back and try again.',
  },
  drpWaiting: {
    title: 'Confirm your request to {{org}}',
    text: 'Your authorised agent asked {{org}} on your behalf. Before {{org}} acts on it, you confirm it yourself: {{org}} sent an email to the address your agent gave. Open the link in that email and press the button on the page it opens.',
    noEmail:
      "No email? Look in your spam folder. The email names the request's reference; with it, you can ask for a new link from {{form}}.",
    form: 'request form',
    doneTitle: 'Nothing to do here',
    doneText: 'This request no longer waits for your confirmation. Your authorised agent can tell you where it stands.',
  },
  mail: {
    footer: 'Sent for {{org}} by Rightsdesk, which handles its privacy requests.',
    questions: 'Questions:',
    emailReceiptSubject: 'We received your email to {{org}} (reference {{reference}})',
    helloAnyone: 'Hello,',
    emailReceiptReceived: 'We received an email from this address to {{address}} (reference {{reference}}).',
    emailReceiptRead:
      'The privacy team will read it. If it is a request about your personal information, we will tell you which request it is and when it will be answered; if that request needs proof that this email address is yours, you will get a link to confirm it.',
    followIt: 'Follow it here (keep this link private):',
    agentSubject: '{{agent}} made a privacy request to {{org}} for you: please confirm ({{reference}})',
    agentOneMonth:
      '{{org}} then has one month from your confirmation to answer you: confirmed today, that is by {{date}}.',
    agentMustAnswer: '{{org}} must answer you by {{date}}.',
    agentIntro:
      '{{agent}} asked {{org}} on your behalf, as your authorised agent: {{label}} (reference {{reference}}).',
    agentConfirm:
      'Confirm only if you gave {{agent}} permission to make this request for you. The link works once and expires on {{date}}; until you confirm, nothing is disclosed or deleted.',
    agentConfirmLink: 'Confirm or refuse the request',
    agentRefuse:
      'If you did not give {{agent}} permission, open the same link and choose "I did not authorise this": the request is closed and nothing is done.',
    agentAnswerComes: 'The answer comes to you, at this address.',
    agentFollow: 'You can follow the request at any time here (keep this link private):',
    agentReceiptSubject: 'We received the privacy request {{reference}} you made to {{org}}',
    agentReceiptReceived:
      'We received the request you made to {{org}} as an authorised agent: {{label}} (reference {{reference}}).',
    agentReceiptWaits:
      'It waits for the person you act for to confirm, directly with {{org}}, that they gave you permission. We have emailed them. Nothing is done until they confirm; if they say they did not give you permission, the request is closed.',
    agentReceiptDue: '{{org}} must answer by {{date}}. The answer goes to the person you act for.',
    fulfilledSubject: 'Your privacy request {{reference}} to {{org}} is complete',
    fulfilledText: '{{org}} has completed your request.',
    whatWasDone: 'What was done:',
    partialSubject: 'Your privacy request {{reference}} to {{org}} is partly complete',
    partialText: '{{org}} has answered part of your request. What was not done, and why:',
    downloadsOne:
      'Your response is one file, which you can download from the page of your request (the link below) until {{date}}:',
    downloadsMany:
      'Your response is {{count}} files, which you can download from the page of your request (the link below) until {{date}}:',
    downloadsAfter: 'After that date the files are no longer available there, for your security.',
    optOutSubject: 'Your opt-out {{reference}} to {{org}} is in effect',
    optOutText: 'Your opt-out is in effect since {{date}}. {{what}}',
    optOutEmail: '{{org}} will send no more marketing email to this address.',
    optOutSms: '{{org}} will send no more marketing text messages to your number.',
    optOutSaleShare: '{{org}} will not sell or share your personal information with third parties for their marketing.',
    optOutNothing: 'You do not need to do anything else. Mail about requests you make stays unaffected.',
    about: 'This is about your request to {{org}}: {{label}} (reference {{reference}}).',
    follow: 'Follow your request here (keep this link private):',
    reminderSubject: 'Reminder: confirm your privacy request {{reference}} to {{org}}',
    reminderWaiting:
      'Your request to {{org}}: {{label}} (reference {{reference}}) is waiting for you to confirm that this address is yours.',
    reminderAgentWaiting:
      '{{agent}} asked {{org}} on your behalf, as your authorised agent: {{label}} (reference {{reference}}). It is waiting for you to confirm that you gave them permission.',
    reminderIgnore: 'If you did not make this request, ignore this mail.',
    reminderAgentIgnore:
      'If you did not give {{agent}} permission, open the link and choose "I did not authorise this".',
    reminderOpen: 'To confirm it, open this link:',
    reminderReplaces:
      'It replaces the link we sent before and expires on {{date}}. If the request is not confirmed by then, it will be closed without any action.',
    receiptSubject: 'We received your privacy request {{reference}} to {{org}}',
    receiptNothingMore:
      'It needs nothing more from you: requests like this need no proof of identity. {{org}} must act on it by {{date}}, and you will get a mail when it is done.',
    questionSubject: 'A question about your privacy request {{reference}} to {{org}}',
    questionNeeds: '{{org}} needs more information from you to answer your request:',
    questionAnswer: 'Please answer on the page of your request: open the link below and use the reply form there.',
    questionPaused:
      'The time limit for answering your request stands still until we have your reply, and continues when it arrives.',
    questionMeanwhile: 'We keep working on your request in the meantime where we can.',
    extensionSubject: 'More time is needed for your privacy request {{reference}} to {{org}}',
    extensionNeeds: '{{org}} needs more time to answer your request, as the law allows. The reason:',
    extensionBy: '{{org}} will answer by {{date}}.',
    withdrawnSubject: 'Your privacy request {{reference}} to {{org}} is withdrawn',
    withdrawnText: 'Your request is withdrawn, as you asked. {{org}} will not act on it further.',
    withdrawnAgain: 'You can make a new request at any time.',
    redirectedSubject: 'Your privacy request {{reference}}: who can answer it',
    redirectedText:
      '{{org}} handles the information your request is about on behalf of another organisation, which decides what happens to it and must answer requests like yours. Please contact:',
    redirectedClosed: '{{org}} has closed your request here.',
    expiredSubject: 'Your privacy request {{reference}} to {{org}} was closed',
    expiredText:
      'Your request was closed because the email address was not confirmed before the confirmation link expired. {{org}} has not acted on it.',
    expiredResubmit: 'You have the right to submit a new request at any time, here: {{url}}',
    expiredAgain: 'If you still want to make the request, you can make it again here: {{url}}',
    deniedSubject: 'Your privacy request {{reference}} to {{org}} was refused',
    deniedText: '{{org}} has refused your request. The reason: {{reason}}',
    hello: 'Hello {{name}},',
    receivedRequest: 'We received your request to {{org}}: {{label}} (reference {{reference}}).',
    followAnyTime: 'You can follow your request at any time here (keep this link private):',
    confirmButton: 'Confirm my request',
    verifySubject: 'Confirm your privacy request {{reference}} to {{org}}',
    verifyOpen: 'To confirm that this address is yours and that you made the request, open this link:',
    verifyNext: 'What happens next',
    verifyOneMonth:
      '{{org}} then has one month from your confirmation to answer: confirmed today, that is by {{date}}.',
    verifyStep1:
      'Confirm that this address is yours: open the link above and press "Confirm my request". It works once and expires on {{date}}. This makes sure nothing is disclosed or deleted at someone else\'s request. If the request is not confirmed by then, it is closed and nothing is done.',
    verifyStep2:
      '{{org}} handles your request. {{answer}} If the law allows more time and it is needed, you will be told why and the new date.',
    verifyStep3: 'You get a mail when there is news: a question, an extension or the answer.',
    verifyIgnore: 'If you did not make this request, ignore this mail and nothing will happen.',
  },
  identity: {
    optOutHeading: 'Do not sell or share my personal information',
    optOutText:
      'Your request to delete could not be verified, but you can still stop us selling or sharing your personal information. That needs no verification and takes effect at once.',
    optOutButton: 'Do not sell or share my information',
    optOutTaken:
      'Done: your opt-out of the sale and sharing of your personal information is in effect. A confirmation was mailed to you.',
    categoriesSubject:
      'Your privacy request {{reference}} to {{org}}: answered with the categories of your information',
    categoriesText:
      'Before sending the specific pieces of personal information it holds about someone, {{org}} must be reasonably highly certain that they are that person: three details matched against its records and a signed declaration. Your details reached a reasonable degree of certainty, not that one.',
    categoriesNext:
      '{{org}} will therefore answer your request with the categories of personal information it collects about you, where it comes from, why it uses it and whom it shares it with, by the same date as before.',
    notVerified:
      'The details you gave could not be matched against our records closely enough to be sure the request comes from the person it is about. We have not acted on it. You can make a new request with details that match what we hold.',
    offerOptOut:
      'You can still ask us not to sell or share your personal information: that needs no verification. Use the button on your request page to do so.',
  },
};

/** The shape every language's catalogue has: the same keys as English, each a string. */
export type Catalogue = { [K in keyof typeof en]: { [L in keyof (typeof en)[K]]: string } };
