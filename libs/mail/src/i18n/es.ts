import type { Catalogue } from './en.js';

// The Spanish wording, addressing the requester as usted, as US businesses write to consumers in California.
export const es: Catalogue = {
  language: { en: 'English', es: 'Español' },
  layout: { languages: 'Idioma' },
  possessive: {
    privacyPolicy: 'política de privacidad',
    policy: 'política',
    privacyAddress: 'dirección de privacidad',
  },
  requestTypes: {
    access: 'Derecho a saber: una copia de mi información',
    categories: 'Derecho a saber: las categorías de mi información',
    deletion: 'Eliminar mi información',
    correction: 'Corregir mi información',
    portability: 'Recibir mi información en un formato portátil',
    restriction: 'Restringir el uso de mi información',
    objection: 'Oponerme al uso de mi información',
    automated_decision_objection: 'Oponerme a decisiones automatizadas sobre mí',
    consent_withdrawal: 'Retirar mi consentimiento',
    opt_out_marketing_email: 'No recibir más correos de marketing',
    opt_out_marketing_sms: 'No recibir más mensajes de texto de marketing',
    opt_out_sale_share: 'No vender ni compartir mi información personal',
    limit_sensitive_use: 'Limitar el uso de mi información personal confidencial',
    emailed: 'Su correo electrónico a nuestra dirección de privacidad',
  },
  due: {
    mustAnswer: '{{org}} debe responder a más tardar el {{date}}.',
    internalTarget:
      '{{org}} se propone responder a más tardar el {{date}}: es su propio objetivo, ya que ninguna ley ni política fija un plazo para esta solicitud.',
  },
  gpc: {
    honoured:
      'Se respeta la señal de Control Global de Privacidad (GPC) de su navegador: {{org}} la considera su solicitud de no vender ni compartir su información personal, para el correo electrónico indicado en este formulario.',
    no_sale_share_law:
      'Su navegador envía una señal de Control Global de Privacidad (GPC). No tiene efecto en {{org}}: la ley de privacidad que se aplica aquí no ofrece una exclusión de la venta o el intercambio que la señal pueda ejercer.',
    no_sale_share_right:
      'Su navegador envía una señal de Control Global de Privacidad (GPC). No tiene efecto en {{org}}: su política de privacidad indica que no vende ni comparte información personal, así que no hay nada de qué excluirse.',
  },
  form: {
    title: 'Solicitud de privacidad',
    heading: 'Solicitud de privacidad a {{org}}',
    intro:
      'Use este formulario para ejercer los derechos que le otorga {{policy}}. Para la mayoría de las solicitudes le enviamos un enlace por correo electrónico para confirmar su dirección, y actuamos una vez que lo abra; las solicitudes de exclusión no necesitan confirmación.',
    problem: 'Hay un problema',
    honeypot: 'Deje este campo vacío',
    name: 'Su nombre completo',
    nameAgentHint:
      'Si usted es un agente autorizado: el nombre de la persona a la que representa. Sus propios datos van más abajo.',
    email: 'Correo electrónico',
    emailHint: 'Aquí le enviamos el enlace de confirmación y nuestra respuesta.',
    emailAgentHint:
      ' Para la solicitud de un agente: la dirección de la persona a la que representa, quien debe confirmarla.',
    phone: 'Número de teléfono (opcional)',
    phoneHint: 'Solo si desea que podamos llamarle sobre esta solicitud.',
    rights: '¿Qué desea solicitar?',
    details: 'Cualquier dato que nos ayude a encontrar su información (opcional)',
    detailsHint: 'Por ejemplo, un nombre de cuenta o las fechas en que usó el servicio.',
    detailsUs: 'Nunca incluya un número de Seguro Social ni de tarjeta.',
    detailsGb: 'Nunca incluya un número de National Insurance, de pasaporte ni de tarjeta de pago.',
    submit: 'Enviar mi solicitud',
    limit: 'Puede solicitarlo {{count}} veces en {{months}} meses.',
    californian: 'Si vive en California, {{org}} la atiende conforme a la CCPA: {{label}}.',
    senderRule: 'Indique la dirección que recibe los correos que desea dejar de recibir.',
    whereSaid: 'Dónde lo dice {{policy}}',
    residence: '¿Vive usted en California?',
    residenceHint:
      'Los residentes de California tienen derechos conforme a la Ley de Privacidad del Consumidor de California (CCPA); cuando una opción anterior así lo indica, {{org}} la atiende conforme a esa ley.',
    residenceYes: 'Sí, vivo en California',
    residenceNo: 'No, vivo en otro lugar',
    dataContext: '¿De quién es la información?',
    dataContextHint:
      '{{org}} también presta servicios a otras organizaciones, que deciden sobre la información que contienen: por ejemplo, a través de la escuela de su hijo o de su empleador.',
    dataContextOwn: 'Mi propia relación con {{org}}',
    relationship: '¿Para quién es esta solicitud?',
    relationshipSelf: 'Para mí',
    relationshipAgent: 'Para otra persona, como su agente autorizado',
    agent: 'Solo si usted es un agente autorizado',
    agentHint:
      'Pedimos a la persona a la que representa que confirme directamente con {{org}} que le dio permiso; hasta que lo haga, no se hace nada.',
    agentName: 'Su nombre, como agente',
    agentEmail: 'Su correo electrónico, como agente',
    agentEmailHint:
      'Aquí le avisamos que recibimos la solicitud; las respuestas se envían a la persona a la que representa.',
    agentIsBusiness: 'Actúo como empresa',
    agentRegistration: 'Número de registro ante la Secretaría de Estado de California',
    agentRegistrationOptional: ' (para una empresa que actúa en una solicitud de California)',
    agentRegistrationRule: '{{org}} exige que todo agente esté registrado ante la Secretaría de Estado de California.',
    agentRegistrationHint:
      'El número de entidad que la Secretaría de Estado asignó a la empresa, como C1234567 o 201912345678.',
    permission: 'El permiso firmado de la persona a la que representa',
    permissionHint: 'Un archivo PDF, PNG o JPEG de {{mb}} MB como máximo.',
    permissionAgain: ' Si ya había elegido un archivo, vuelva a elegirlo.',
    identity: 'Confirme quién es usted',
    identityHint:
      'Solo se pide para solicitudes que muestran, cambian o eliminan su información. {{org}} compara lo que indique aquí con sus propios registros, para asegurarse de que la solicitud es suya, y no lo usa para nada más. Todos los campos son opcionales: indique lo que pueda, tal como {{org}} lo conoce.',
    dataPointFullName: 'El nombre completo con el que {{org}} le conoce',
    dataPointPhone: 'Un número de teléfono suyo que tenga {{org}}',
    dataPointPostalAddress: 'Una dirección postal suya que tenga {{org}}',
    dataPointDateOfBirth: 'Su fecha de nacimiento',
    dataPointAccountNumber: 'Su número de cuenta o de cliente en {{org}}',
    dataPointLastOrderDate: 'La fecha de su último pedido',
    dataPointDateHint: 'Como año-mes-día, por ejemplo 1990-04-21.',
    declaration: 'Declaración bajo pena de perjurio',
    declarationHint:
      'Solo se necesita para solicitar los datos personales específicos que {{org}} tiene sobre usted: la ley de California lo exige (reglamento de la CCPA, §7062(c)).',
    declarationText:
      'Declaro bajo pena de perjurio, conforme a las leyes del Estado de California, que soy el consumidor cuya información personal es objeto de esta solicitud.',
    declarationAgree: 'Hago esta declaración',
    declarationName: 'Su firma: escriba su nombre completo',
    declarationDate: 'Fecha de la firma',
  },
  errors: {
    dataPoint: 'Escriba esto como texto.',
    dataPointLength: 'Esto puede tener como máximo 500 caracteres.',
    dataPointPhone: 'Escriba el número de teléfono solo con dígitos, como +1 415 555 0100.',
    dataPointDate: 'Escriba una fecha como año-mes-día, por ejemplo 1990-04-21.',
    declaration:
      'Marque la casilla para hacer la declaración: una solicitud de los datos específicos de su información la necesita.',
    declarationName: 'Escriba su nombre completo para firmar la declaración.',
    declarationDate: 'Escriba la fecha de la firma como año-mes-día, por ejemplo 2026-12-06.',
    notAccepted: 'No pudimos aceptar su envío.',
    name: 'Indique su nombre.',
    nameLength: 'Su nombre puede tener como máximo 200 caracteres.',
    email: 'Escriba su correo electrónico, como nombre@example.com.',
    emailLength: 'Ese correo electrónico es demasiado largo.',
    emailPlain: 'Escriba la dirección sin comillas, espacios, comas ni corchetes angulares, como nombre@example.com.',
    phone: 'Escriba un número de teléfono solo con dígitos, como +1 415 555 0100.',
    right: 'Elija lo que desea solicitar.',
    rightListed: 'Elija una de las solicitudes de la lista.',
    relationship: 'Indique si la solicitud es para usted o como agente autorizado.',
    details: 'Los detalles deben ser texto.',
    detailsLength: 'Los detalles pueden tener como máximo 5,000 caracteres.',
    sensitiveUs: 'Elimine cualquier número de Seguro Social o de tarjeta: nunca los necesitamos y no los guardamos.',
    sensitiveOther:
      'Elimine cualquier número de identidad o de tarjeta (como un número de National Insurance, de pasaporte o de tarjeta bancaria): nunca los necesitamos y no los guardamos.',
    residence: 'Indique si vive en California: de ello depende la ley conforme a la cual se atiende su solicitud.',
    dataContext: 'Indique si se trata de su propia relación con {{org}} o de uno de los servicios de la lista.',
    agentName: 'Indique su nombre, como agente autorizado.',
    agentEmail: 'Escriba su propio correo electrónico, como agente@example.com.',
    agentEmailPlain:
      'Escriba la dirección sin comillas, espacios, comas ni corchetes angulares, como agente@example.com.',
    agentIsBusiness: 'Marque la casilla solo si actúa como empresa.',
    agentRegistration: 'Escriba el número de registro solo con letras y dígitos.',
    agentRegistrationFormat: 'Escriba el número de registro solo con letras y dígitos, como C1234567 o 201912345678.',
    agentRegistrationRule:
      '{{org}} solo acepta solicitudes de agentes registrados ante la Secretaría de Estado de California: escriba el número de registro.',
    agentRegistrationBusiness:
      'Una empresa que actúa en una solicitud de California debe estar registrada ante la Secretaría de Estado de California: escriba su número de registro.',
    permissionMissing: 'Adjunte el permiso firmado del consumidor: un archivo PDF, PNG o JPEG.',
    permissionType: 'El permiso firmado debe ser un archivo PDF, PNG o JPEG; este archivo no es ninguno de ellos.',
    permissionTooLarge: 'El permiso firmado puede tener como máximo {{mb}} MB.',
    permissionOneFile: 'Adjunte un solo archivo: el permiso firmado.',
  },
  received: {
    title: 'Solicitud recibida',
    heading: 'Recibimos su solicitud',
    reference: 'Su número de referencia es',
    request: 'Solicitud: {{label}}.',
    checkEmail: 'Revise su correo electrónico.',
    checkEmailText:
      'Le enviamos un enlace para confirmar que la dirección es suya. Hasta que lo abra, no podemos atender la solicitud.',
    sentConfirmation: 'Le enviamos una confirmación a su correo electrónico con un enlace privado a la solicitud.',
    optOutDone: 'Las solicitudes de exclusión surten efecto de inmediato: esta ya lo hizo.',
    noEmail: '¿No recibió el correo?',
    noEmailText:
      'Revise primero su carpeta de correo no deseado. Podemos enviarle un enlace nuevo: escriba la dirección que usó.',
    resend: 'Enviar un enlace nuevo',
    limitNotice:
      '{{org}} atiende esta solicitud {{count}} veces en {{months}} meses: “{{quote}}” Si en ese periodo ya se confirmaron {{count}} solicitudes de este tipo desde su dirección, esta se rechaza, y nuestro correo se lo indica en lugar de pedirle que la confirme.',
  },
  verify: {
    title: 'Confirme su solicitud',
    heading: 'Confirme su solicitud {{reference}}',
    text: 'Presione el botón para confirmar que usted hizo esta solicitud a {{org}} y que este correo electrónico es suyo.',
    button: 'Confirmar mi solicitud',
    doneTitle: 'Solicitud confirmada',
    doneHeading: 'Gracias: su solicitud está confirmada',
    doneReference: 'Referencia',
    doneFollow: 'Siga su solicitud con el enlace privado de estado del correo que le enviamos.',
    resentTitle: 'Enlace enviado',
    resentText:
      'Si {{reference}} está pendiente de confirmación y la dirección coincide, le enviamos un enlace nuevo. Este reemplaza al anterior.',
  },
  refusal: {
    unknownTitle: 'Este enlace no es válido',
    unknownText:
      'Verifique que copió el enlace completo del correo. Si aún no funciona, pida un enlace nuevo en la página donde hizo la solicitud.',
    expiredTitle: 'Este enlace ha vencido',
    expiredText:
      'Por su seguridad, los enlaces de confirmación vencen. Pida un enlace nuevo en la página donde hizo la solicitud, con su número de referencia.',
    usedTitle: 'Este enlace ya se usó',
    usedText:
      'Su solicitud ya se confirmó con este enlace, al presionar "Confirmar mi solicitud" en la página que abre (abrir el enlace no confirma nada). No necesita hacer nada más. Use el enlace de estado del correo para seguirla.',
    replacedTitle: 'Un enlace más reciente reemplazó a este',
    replacedText:
      'Usted pidió un enlace de confirmación nuevo, así que este ya no funciona. Use el enlace del correo más reciente.',
    already_verifiedTitle: 'Ya confirmada',
    already_verifiedText: 'Esta solicitud ya se confirmó; no necesita hacer nada más.',
    withdrawnTitle: 'Esta solicitud se retiró',
    withdrawnText:
      'Se retiró antes de confirmarse (por usted o por el agente autorizado que le representa), así que no hay nada que confirmar y no se hará nada. Si aún la desea, haga una solicitud nueva.',
  },
  agentPages: {
    heading: 'Recibimos la solicitud',
    reference: 'El número de referencia es',
    mustConfirm: 'La persona a la que representa debe confirmarla.',
    mustConfirmText:
      'Le enviamos un enlace por correo electrónico para que confirme directamente con {{org}} que le dio permiso. Hasta que lo haga, no se hace nada; si dice que no se lo dio, la solicitud se cierra.',
    receipt: 'Le enviamos un comprobante con el número de referencia.',
    answerGoes: 'La respuesta se envía a la persona a la que representa.',
    confirmTitle: 'Confirme la solicitud hecha en su nombre',
    confirmHeading: '¿Pidió usted a {{agent}} que hiciera esta solicitud?',
    confirmAsked: '{{agent}} hizo una solicitud a {{org}} en su nombre, como su agente autorizado (referencia',
    confirmOnly:
      'Confirme solo si dio permiso a {{agent}} para hacer esta solicitud por usted. {{org}} la atenderá y le responderá a usted.',
    confirmButton: 'Confirmar: le di permiso',
    refuseButton: 'Yo no lo autoricé',
    refusedTitle: 'Solicitud cerrada',
    refusedHeading: 'La solicitud está cerrada',
    refusedText: 'Usted informó a {{org}} que no autorizó la solicitud',
    refusedClosed: 'Está cerrada y no se hizo nada.',
    refusedWorried: 'Si le preocupa que alguien intente obtener su información, comuníquese con {{org}}.',
    alreadyTitle: 'Ya confirmada',
    alreadyHeading: 'Esta solicitud ya se confirmó',
    alreadyText:
      'Ya no se puede rechazar con este enlace. Si usted no la autorizó, comuníquese de inmediato con {{org}}.',
    theOrganisation: 'la organización',
  },
  redirect: {
    title: 'Diríjase a la organización responsable',
    handles:
      'En el caso de {{services}}, {{org}} maneja la información en nombre de otra organización, que decide qué se hace con ella y debe responder solicitudes como la suya. Comuníquese con:',
    whereSaid: 'Dónde lo dice {{policy}}:',
    closed:
      '{{org}} cerró esta solicitud aquí y no la atenderá. También le enviamos esta respuesta por correo electrónico. Si su solicitud se refiere a su propia relación con {{org}}, haga una solicitud nueva y elija esa opción.',
    newRequest: 'Hacer una solicitud nueva',
    askFirst: 'En el caso de {{services}}, {{org}} le recomienda comunicarse primero con ellos:',
    stillGoOn: 'Aun así, puede continuar con {{org}}:',
    stillGoOnText:
      'su solicitud se conserva. Confírmela desde el correo y {{org}} la atenderá. Si ellos le responden, puede retirar esta solicitud desde su página de estado.',
  },
  withdraw: {
    title: 'Retirar la solicitud {{reference}}',
    heading: '¿Desea retirar su solicitud {{reference}}?',
    text: '{{org}} dejará de atender su solicitud ({{label}}) y la cerrará. Recibirá un correo electrónico que lo confirma. Esto no se puede deshacer aquí: para volver a pedirlo, tendría que hacer una solicitud nueva.',
    yes: 'Sí, retirar mi solicitud',
    no: 'No, conservar mi solicitud',
  },
  reply: {
    one: 'Una pregunta para usted',
    many: 'Preguntas para usted',
    answer: 'Su respuesta',
    hint: 'Como máximo {{max}} caracteres. No incluya números de tarjeta ni de Seguro Social.',
    send: 'Enviar mi respuesta',
  },
  files: {
    heading: 'Su respuesta',
    expired: 'Los archivos de la respuesta se podían descargar hasta el {{date}}. Ya no están disponibles aquí.',
    download:
      'Descargue los archivos hasta el {{date}}. Guárdelos en un lugar seguro: contienen su información personal.',
  },
  index: {
    title: 'Solicitud de privacidad',
    text: 'Elija la organización a la que va dirigida su solicitud. Cada formulario ofrece los derechos que le otorga la política de privacidad de esa organización.',
    none: 'Todavía ninguna organización recibe solicitudes aquí.',
  },
  status: {
    title: 'Solicitud {{reference}}',
    heading: 'Su solicitud {{reference}}',
    request: 'Solicitud',
    status: 'Estado',
    received: 'Recibida',
    closedOn: 'Cerrada el',
    answeredOn: 'Respondida el',
    withdrawnOn: 'Retirada el',
    ownTarget: 'Se propone responder a más tardar (nuestro propio objetivo)',
    dueBy: 'Plazo de respuesta',
    daysLeft: 'quedan {{count}} días',
    oneDayLeft: 'queda 1 día',
    dueToday: 'vence hoy',
    overdue: 'vencida',
    paused: ' (el plazo se detiene hasta que usted responda, y esta fecha se corre por ese tiempo)',
    changedMind: '¿Cambió de opinión?',
    withdraw: 'Retirar mi solicitud',
  },
  statuses: {
    unverified: 'En espera de que confirme su correo electrónico',
    verified: 'Confirmada, en espera de ser atendida',
    in_progress: 'En proceso',
    awaiting_requester: 'En espera de información de usted',
    fulfilled: 'Completada',
    partially_fulfilled: 'Completada en parte',
    denied: 'Rechazada (se le enviaron los motivos)',
    withdrawn: 'Retirada',
    redirected: 'Remitida a la organización responsable de sus datos',
    closed_unverified: 'Cerrada sin confirmarse',
    received_by_email: 'Recibida por correo electrónico, en espera de que el equipo de privacidad la lea',
    not_a_request: 'Cerrada: el equipo de privacidad no encontró una solicitud de privacidad en su mensaje',
  },
  denialReasons: {
    identity_not_verified: 'No pudimos verificar que usted es la persona a la que se refiere la solicitud.',
    frequency_limit_exceeded:
      'Ya hizo en este periodo tantas solicitudes de este tipo como la ley nos obliga a responder.',
    manifestly_unfounded_or_excessive: 'La solicitud es manifiestamente infundada o excesiva.',
    statutory_exemption: 'Una excepción prevista en la ley se aplica a la información o la acción solicitada.',
    right_does_not_apply: 'El derecho que quiso ejercer no se aplica en esta situación.',
    adversely_affects_others: 'Responder afectaría negativamente los derechos y libertades de otras personas.',
    suspected_fraud: 'Tenemos un motivo documentado y de buena fe para creer que la solicitud es fraudulenta.',
  },
  complaint: {
    ccpa: 'Si considera que esta decisión es incorrecta, puede presentar una queja ante la Agencia de Protección de la Privacidad de California ({{cppa}}) o ante el Fiscal General de California ({{oag}}).',
    uk_gdpr:
      "Tiene derecho a presentar una queja ante la Information Commissioner's Office, el regulador de protección de datos del Reino Unido ({{ico}}), y a pedir a un tribunal que haga valer sus derechos.",
    gdpr: 'Tiene derecho a presentar una reclamación ante una autoridad de control de protección de datos, en particular en el país donde vive o trabaja o donde considere que se vulneraron sus derechos, y a pedir a un tribunal que haga valer sus derechos.',
    us_state:
      'Puede apelar esta decisión escribiendo a {{org}}{{contact}}. Si se rechaza la apelación, puede presentar una queja ante el Fiscal General de su estado.',
    can_spam: 'Puede denunciar el correo comercial no deseado ante la Comisión Federal de Comercio (FTC) ({{ftc}}).',
    fcc_tcpa:
      'Puede presentar una queja sobre mensajes de texto no deseados ante la Comisión Federal de Comunicaciones (FCC) ({{fcc}}).',
    noneContact: 'Si no está de acuerdo con esta decisión, comuníquese con {{org}} en {{contact}}.',
    noneNoContact:
      'Si no está de acuerdo con esta decisión, comuníquese con {{org}} por los medios que indica su política de privacidad.',
  },
  unsubscribe: {
    title: 'Darse de baja',
    heading: 'Dejar de recibir {{thing}}',
    marketingEmail: 'el correo publicitario',
    willStop: '{{org}} no enviará más correo publicitario a {{email}}.',
    atOnce: 'Surte efecto de inmediato.',
    button: 'Darme de baja',
    doneTitle: 'Baja confirmada',
    doneHeading: 'Usted se ha dado de baja',
    alreadyText: '{{email}} ya no recibe correo publicitario de {{org}}. No necesita hacer nada más.',
    reference: 'El número de referencia de su baja es',
    stillPrivacyMail:
      'El correo sobre las solicitudes de privacidad que usted haga no es publicitario y le seguirá llegando.',
    refusedTitle: 'Enlace no válido',
    refusedHeading: 'Este enlace para darse de baja no es válido',
    refusedText:
      'El enlace está incompleto o fue modificado, así que no podemos saber a qué dirección corresponde. Vuelva a usar el enlace para darse de baja de un correo reciente, copiándolo completo, o escriba a la organización que le envió el correo.',
  },
  download: {
    expiredTitle: 'Esta descarga ha vencido',
    expiredText:
      'Por su seguridad, los archivos de la respuesta solo se pueden descargar durante un tiempo limitado, y ese tiempo ya pasó. Comuníquese con la organización si aún los necesita.',
    missingTitle: 'Ese archivo no existe',
    missingText: 'Verifique que usó el enlace de la página de su solicitud.',
  },
  errorPage: {
    notFound: 'Página no encontrada',
    notFoundText:
      'No hay nada en esta dirección. Verifique el enlace o empiece desde la página de privacidad de la organización.',
    tooMany: 'Demasiadas solicitudes',
    tooManyText: 'Llegaron demasiadas solicitudes desde aquí en poco tiempo. Espere un rato e inténtelo de nuevo.',
    unavailable: 'No disponible por el momento',
    unavailableText: 'El servicio no está disponible por un momento. Inténtelo de nuevo en un minuto.',
    failed: 'Algo salió mal',
    failedText: 'Algo salió mal de nuestro lado. Inténtelo de nuevo en un momento.',
    refused: 'Solicitud no aceptada',
    refusedText: 'No se pudo aceptar lo que se envió. Vuelva atrás e inténtelo de nuevo.',
  },
  drpWaiting: {
    title: 'Confirme su solicitud a {{org}}',
    text: 'Su agente autorizado hizo una solicitud a {{org}} en su nombre. Antes de que {{org}} actúe, usted debe confirmarla: {{org}} envió un correo a la dirección que dio su agente. Abra el enlace de ese correo y presione el botón de la página que se abre.',
    noEmail:
      '¿No le llegó el correo? Revise su carpeta de correo no deseado. El correo indica el número de referencia de la solicitud; con él puede pedir un enlace nuevo en {{form}}.',
    form: 'formulario de solicitudes',
    doneTitle: 'No hay nada que hacer aquí',
    doneText: 'Esta solicitud ya no espera su confirmación. Su agente autorizado puede decirle en qué estado está.',
  },
  mail: {
    footer: 'Enviado en nombre de {{org}} por Rightsdesk, que gestiona sus solicitudes de privacidad.',
    questions: 'Preguntas:',
    emailReceiptSubject: 'Recibimos su correo electrónico a {{org}} (referencia {{reference}})',
    helloAnyone: 'Hola:',
    emailReceiptReceived: 'Recibimos un correo electrónico de esta dirección a {{address}} (referencia {{reference}}).',
    emailReceiptRead:
      'El equipo de privacidad lo leerá. Si es una solicitud sobre su información personal, le diremos de qué solicitud se trata y cuándo se responderá; si esa solicitud requiere comprobar que este correo electrónico es suyo, recibirá un enlace para confirmarlo.',
    followIt: 'Sígalo aquí (mantenga este enlace en privado):',
    agentSubject: '{{agent}} hizo una solicitud de privacidad a {{org}} en su nombre: confírmela ({{reference}})',
    agentOneMonth:
      '{{org}} tendrá entonces un mes a partir de su confirmación para responderle: si confirma hoy, a más tardar el {{date}}.',
    agentMustAnswer: '{{org}} debe responderle a más tardar el {{date}}.',
    agentIntro:
      '{{agent}} hizo una solicitud a {{org}} en su nombre, como su agente autorizado: {{label}} (referencia {{reference}}).',
    agentConfirm:
      'Confirme solo si dio permiso a {{agent}} para hacer esta solicitud por usted. El enlace funciona una sola vez y vence el {{date}}; hasta que confirme, no se revela ni se elimina nada.',
    agentConfirmLink: 'Confirmar o rechazar la solicitud',
    agentRefuse:
      'Si no dio permiso a {{agent}}, abra el mismo enlace y elija "Yo no lo autoricé": la solicitud se cierra y no se hace nada.',
    agentAnswerComes: 'La respuesta se le enviará a usted, a esta dirección.',
    agentFollow: 'Puede seguir la solicitud en cualquier momento aquí (mantenga este enlace en privado):',
    agentReceiptSubject: 'Recibimos la solicitud de privacidad {{reference}} que hizo a {{org}}',
    agentReceiptReceived:
      'Recibimos la solicitud que hizo a {{org}} como agente autorizado: {{label}} (referencia {{reference}}).',
    agentReceiptWaits:
      'Está pendiente de que la persona a la que representa confirme, directamente con {{org}}, que le dio permiso. Ya le enviamos un correo. No se hace nada hasta que confirme; si dice que no le dio permiso, la solicitud se cierra.',
    agentReceiptDue:
      '{{org}} debe responder a más tardar el {{date}}. La respuesta se envía a la persona a la que representa.',
    fulfilledSubject: 'Su solicitud de privacidad {{reference}} a {{org}} está completada',
    fulfilledText: '{{org}} completó su solicitud.',
    whatWasDone: 'Lo que se hizo:',
    partialSubject: 'Su solicitud de privacidad {{reference}} a {{org}} está completada en parte',
    partialText: '{{org}} respondió parte de su solicitud. Lo que no se hizo, y por qué:',
    downloadsOne:
      'Su respuesta es un archivo, que puede descargar desde la página de su solicitud (el enlace de abajo) hasta el {{date}}:',
    downloadsMany:
      'Su respuesta son {{count}} archivos, que puede descargar desde la página de su solicitud (el enlace de abajo) hasta el {{date}}:',
    downloadsAfter: 'Después de esa fecha, por su seguridad, los archivos ya no estarán disponibles allí.',
    optOutSubject: 'Su solicitud de exclusión {{reference}} a {{org}} está en vigor',
    optOutText: 'Su solicitud de exclusión está en vigor desde el {{date}}. {{what}}',
    optOutEmail: '{{org}} no enviará más correos de marketing a esta dirección.',
    optOutSms: '{{org}} no enviará más mensajes de texto de marketing a su número.',
    optOutSaleShare:
      '{{org}} no venderá ni compartirá su información personal con terceros para fines de marketing de ellos.',
    optOutNothing: 'No necesita hacer nada más. Los correos sobre las solicitudes que usted haga no se ven afectados.',
    about: 'Le escribimos sobre su solicitud a {{org}}: {{label}} (referencia {{reference}}).',
    follow: 'Siga su solicitud aquí (mantenga este enlace en privado):',
    reminderSubject: 'Recordatorio: confirme su solicitud de privacidad {{reference}} a {{org}}',
    reminderWaiting:
      'Su solicitud a {{org}}: {{label}} (referencia {{reference}}) está pendiente de que confirme que esta dirección es suya.',
    reminderAgentWaiting:
      '{{agent}} hizo una solicitud a {{org}} en su nombre, como su agente autorizado: {{label}} (referencia {{reference}}). Está pendiente de que usted confirme que le dio permiso.',
    reminderIgnore: 'Si usted no hizo esta solicitud, ignore este correo.',
    reminderAgentIgnore: 'Si no dio permiso a {{agent}}, abra el enlace y elija "Yo no lo autoricé".',
    reminderOpen: 'Para confirmarla, abra este enlace:',
    reminderReplaces:
      'Reemplaza al enlace que le enviamos antes y vence el {{date}}. Si la solicitud no se confirma para entonces, se cerrará sin hacer nada.',
    receiptSubject: 'Recibimos su solicitud de privacidad {{reference}} a {{org}}',
    receiptNothingMore:
      'No necesita hacer nada más: las solicitudes de este tipo no requieren comprobar su identidad. {{org}} debe atenderla a más tardar el {{date}}, y recibirá un correo cuando esté hecho.',
    questionSubject: 'Una pregunta sobre su solicitud de privacidad {{reference}} a {{org}}',
    questionNeeds: '{{org}} necesita más información de usted para responder su solicitud:',
    questionAnswer:
      'Responda en la página de su solicitud: abra el enlace de abajo y use el formulario de respuesta que allí encontrará.',
    questionPaused:
      'El plazo para responder su solicitud se detiene hasta que recibamos su respuesta, y continúa cuando llegue.',
    questionMeanwhile: 'Mientras tanto, seguimos trabajando en su solicitud en lo que podamos.',
    extensionSubject: 'Se necesita más tiempo para su solicitud de privacidad {{reference}} a {{org}}',
    extensionNeeds: '{{org}} necesita más tiempo para responder su solicitud, como lo permite la ley. El motivo:',
    extensionBy: '{{org}} responderá a más tardar el {{date}}.',
    withdrawnSubject: 'Su solicitud de privacidad {{reference}} a {{org}} se retiró',
    withdrawnText: 'Su solicitud se retiró, como usted lo pidió. {{org}} no hará nada más con ella.',
    withdrawnAgain: 'Puede hacer una solicitud nueva en cualquier momento.',
    redirectedSubject: 'Su solicitud de privacidad {{reference}}: quién puede responderla',
    redirectedText:
      '{{org}} maneja la información a la que se refiere su solicitud en nombre de otra organización, que decide qué se hace con ella y debe responder solicitudes como la suya. Comuníquese con:',
    redirectedClosed: '{{org}} cerró su solicitud aquí.',
    expiredSubject: 'Su solicitud de privacidad {{reference}} a {{org}} se cerró',
    expiredText:
      'Su solicitud se cerró porque el correo electrónico no se confirmó antes de que venciera el enlace de confirmación. {{org}} no hizo nada con ella.',
    expiredResubmit: 'Tiene derecho a presentar una solicitud nueva en cualquier momento, aquí: {{url}}',
    expiredAgain: 'Si aún desea hacer la solicitud, puede volver a hacerla aquí: {{url}}',
    deniedSubject: 'Su solicitud de privacidad {{reference}} a {{org}} fue rechazada',
    deniedText: '{{org}} rechazó su solicitud. El motivo: {{reason}}',
    hello: 'Hola, {{name}}:',
    receivedRequest: 'Recibimos su solicitud a {{org}}: {{label}} (referencia {{reference}}).',
    followAnyTime: 'Puede seguir su solicitud en cualquier momento aquí (mantenga este enlace en privado):',
    confirmButton: 'Confirmar mi solicitud',
    verifySubject: 'Confirme su solicitud de privacidad {{reference}} a {{org}}',
    verifyOpen: 'Para confirmar que esta dirección es suya y que usted hizo la solicitud, abra este enlace:',
    verifyNext: 'Próximos pasos',
    verifyOneMonth:
      '{{org}} tendrá entonces un mes a partir de su confirmación para responder: si confirma hoy, a más tardar el {{date}}.',
    verifyStep1:
      'Confirme que esta dirección es suya: abra el enlace de arriba y presione "Confirmar mi solicitud". Funciona una sola vez y vence el {{date}}. Así nos aseguramos de no revelar ni eliminar nada a petición de otra persona. Si la solicitud no se confirma para entonces, se cierra y no se hace nada.',
    verifyStep2:
      '{{org}} atiende su solicitud. {{answer}} Si la ley permite más tiempo y se necesita, se le informará el motivo y la nueva fecha.',
    verifyStep3: 'Recibirá un correo cuando haya novedades: una pregunta, una prórroga o la respuesta.',
    verifyIgnore: 'Si usted no hizo esta solicitud, ignore este correo y no pasará nada.',
  },
  identity: {
    documentHeading: 'Confirme su identidad',
    documentText:
      '{{org}} necesita confirmar su identidad antes de atender su solicitud. Suba una copia de un documento de identidad (pasaporte, permiso de conducir o documento nacional de identidad): el equipo de privacidad lo revisa, no lo usa para nada más y después lo elimina. El plazo de {{org}} para responder cuenta desde que llega.',
    documentField: 'Su documento de identidad',
    documentHint: 'Un archivo PDF, PNG o JPEG de {{mb}} MB como máximo.',
    documentSend: 'Subir el documento',
    documentReceived: 'Su documento de identidad se recibió el {{date}}. El equipo de privacidad lo revisará.',
    documentMissing: 'Elija su documento de identidad: un archivo PDF, PNG o JPEG.',
    documentType: 'El documento de identidad debe ser un archivo PDF, PNG o JPEG; este archivo no es ninguno de ellos.',
    documentTooLarge: 'El documento de identidad puede ocupar como máximo {{mb}} MB.',
    documentOneFile: 'Suba un solo archivo: su documento de identidad.',
    documentRefused:
      'Esta solicitud ya no admite un documento de identidad: el estado de arriba indica en qué punto está.',
    optOutHeading: 'No vender ni compartir mi información personal',
    optOutText:
      'No se pudo verificar su solicitud de eliminación, pero aún puede impedir que vendamos o compartamos su información personal. Eso no requiere verificación y surte efecto de inmediato.',
    optOutButton: 'No vender ni compartir mi información',
    optOutTaken:
      'Hecho: su exclusión de la venta y el intercambio de su información personal está en vigor. Se le envió una confirmación por correo.',
    categoriesSubject:
      'Su solicitud de privacidad {{reference}} a {{org}}: respondida con las categorías de su información',
    categoriesText:
      'Antes de enviar los datos personales concretos que tiene sobre alguien, {{org}} debe tener un grado de certeza razonablemente alto de que es esa persona: tres datos cotejados con sus registros y una declaración firmada. Sus datos alcanzaron un grado de certeza razonable, no ese.',
    categoriesNext:
      'Por ello, {{org}} responderá a su solicitud con las categorías de información personal que recopila sobre usted, de dónde proceden, para qué las usa y con quién las comparte, en la misma fecha que antes.',
    notVerified:
      'Los datos que nos dio no coincidieron con nuestros registros lo suficiente para estar seguros de que la solicitud viene de la persona a la que se refiere. No hemos actuado sobre ella. Puede hacer una nueva solicitud con datos que coincidan con los que tenemos.',
    offerOptOut:
      'Aún puede pedirnos que no vendamos ni compartamos su información personal: eso no requiere verificación. Use el botón de la página de su solicitud para hacerlo.',
  },
};
